/**
 * The two scripts every page is published in, and the source variants an
 * article can be written in.
 */

/** URL segment of a script: every page lives under `/zh-hant/` or `/zh-hans/`. */
export const scripts = ['zh-hant', 'zh-hans'] as const;
export type Script = (typeof scripts)[number];

/** Where an article's text comes from: Taiwan, Hong Kong or generic Traditional. */
export const sourceVariants = ['zh-TW', 'zh-HK', 'zh-Hant'] as const;
export type SourceVariant = (typeof sourceVariants)[number];

/** BCP 47 tag for `<html lang>` and `hreflang`. */
export const langTag: Record<Script, 'zh-Hant' | 'zh-Hans'> = {
  'zh-hant': 'zh-Hant',
  'zh-hans': 'zh-Hans',
};

/** Open Graph locale of each script. */
export const ogLocale: Record<Script, string> = {
  'zh-hant': 'zh_TW',
  'zh-hans': 'zh_CN',
};

/** The script a reader switches to. */
export function otherScript(script: Script): Script {
  return script === 'zh-hant' ? 'zh-hans' : 'zh-hant';
}

export function isScript(value: unknown): value is Script {
  return value === 'zh-hant' || value === 'zh-hans';
}

/**
 * The script a first-time visitor gets: the first Chinese language the
 * browser lists decides; Simplified for mainland China, Singapore, Malaysia
 * and explicit `zh-Hans`, Traditional for everything else (our sources are
 * written in Traditional).
 */
export function preferredScript(languages: readonly string[]): Script {
  const chinese = languages.map((tag) => tag.toLowerCase()).find((tag) => tag === 'zh' || tag.startsWith('zh-'));
  if (chinese === undefined) return 'zh-hant';
  return /^zh-(hans|cn|sg|my)(-|$)/.test(chinese) ? 'zh-hans' : 'zh-hant';
}
