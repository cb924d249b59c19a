/** The types of the conversion module: what a conversion is asked to do, and what it reports. */
import type { Script, SourceVariant } from '../site/scripts.ts';

/**
 * A term the editors pin, written in every script: wherever the source's
 * own form occurs, each page shows its script's form, whatever OpenCC says.
 * The site glossary is `content/glossary.yaml`; an article adds its own.
 */
export type GlossaryEntry = { readonly [script in Script]?: string | undefined } & { readonly note?: string | undefined };

export type Glossary = readonly GlossaryEntry[];

/** What a conversion notes while it works, for the publish checks. */
export interface ConversionLog {
  /** Every text that a rule or a glossary entry fixed: the character guards let it stand. */
  fixed: Set<string>;
  /** Code points added (positive) or removed (negative) by rules and pins: nothing else may change the length. */
  lengthChange: number;
}

export interface ConvertOptions {
  /** The variant the text is written in: the article's `sourceVariant`. */
  from: SourceVariant;
  /** The script of the page the text is for. */
  to: Script;
  /** Terms pinned by the editors: the article's entries first, then the site's. */
  glossary?: Glossary | undefined;
  log?: ConversionLog | undefined;
}

export function createConversionLog(): ConversionLog {
  return { fixed: new Set(), lengthChange: 0 };
}

/**
 * hast property names of the attributes a reader perceives: converted with
 * the text, and read by the character guards. Here, with no code of the
 * converter, so that the guards load none.
 */
export const perceivedAttributes = ['alt', 'title', 'ariaLabel', 'ariaDescription', 'placeholder'] as const;
