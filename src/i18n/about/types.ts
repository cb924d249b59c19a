/** The shape of the About page's text: written once per script, for its readers. */
export interface AboutPage {
  title: string;
  /** The meta description. */
  description: string;
  /** Sections in order; in a paragraph, text between backticks is code (rule syntax, quotation marks), shown as written. */
  sections: readonly { heading: string; paragraphs: readonly string[] }[];
}
