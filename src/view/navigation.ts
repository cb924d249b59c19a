/**
 * The sections of the site, in the order the header, the phone's bar and the
 * search page list them: one entry each, so a new section (an archive) is
 * one line here and its label in each table of interface strings.
 */
import type { UiStrings } from '../i18n/index.ts';

/** Names of the interface strings that are plain text (not functions). */
type TextKey = { [K in keyof UiStrings]: UiStrings[K] extends string ? K : never }[keyof UiStrings];

export interface SiteSection {
  /** Script-free page key of the section's page (`topics/`). */
  key: string;
  /** Its label in the interface strings. */
  label: TextKey;
}

export const siteSections: readonly SiteSection[] = [
  { key: '', label: 'home' },
  { key: 'topics/', label: 'topics' },
  { key: 'archive/', label: 'archive' },
  { key: 'search/', label: 'search' },
  { key: 'about/', label: 'about' },
];

/** Whether the page `pageKey` is the section's page or one inside it (a topic page is in 主題). */
export function inSection(section: SiteSection, pageKey: string): boolean {
  return section.key === '' ? pageKey === '' : pageKey.startsWith(section.key);
}
