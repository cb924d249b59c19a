/**
 * The scripts every page is published in, and the source variants an article
 * can be written in: one registry, so that everything that depends on a
 * script (URL segment, language tags, the switch's label, conversion, quotes,
 * inline rules, the character guards) is read from data here. Adding a script
 * is an entry here and a table of interface strings in `src/i18n/`.
 */

/** The two families of Chinese script, which decide conversion and the character guards. */
export type ScriptFamily = 'traditional' | 'simplified';

export interface ScriptDefinition {
  /** BCP 47 tag: `<html lang>`, `hreflang`, Pagefind's index language. */
  lang: string;
  family: ScriptFamily;
  /** OpenCC's locale for text converted into this script (`tw`: Taiwan-standard characters, never `twp`). */
  opencc: 'tw' | 'hk' | 'cn';
  /** Open Graph locale. */
  ogLocale: string;
  /** Short name of the script, written in it. */
  label: string;
  /** The script's one-character mark, written in it: what the switch shows (繁｜简). */
  mark: string;
  /** Full name of the script, written in it. */
  name: string;
  /** First Chinese browser language that asks for this script (a first-time visitor's default). */
  browserLanguages: RegExp;
  /** Variant names of `-{zh-…:text}-` rules whose text this script shows, most preferred first. */
  ruleVariants: readonly string[];
  /** Quotation marks: outer pair, then inner pair. */
  quotes: readonly [open: string, close: string, innerOpen: string, innerClose: string];
  /**
   * A script of the same family whose glossary forms this one takes where an
   * entry gives none of its own, so that adding a script does not mean
   * rewriting every glossary entry.
   */
  glossaryFallback?: string;
}

export const scriptRegistry = {
  'zh-hant': {
    lang: 'zh-Hant',
    family: 'traditional',
    opencc: 'tw',
    ogLocale: 'zh_TW',
    label: '繁體',
    mark: '繁',
    name: '繁體中文',
    browserLanguages: /^zh(-(hant|tw|hk|mo)(-|$)|$)/,
    ruleVariants: ['zh-hant', 'zh-tw', 'zh-hk', 'zh-mo'],
    quotes: ['「', '」', '『', '』'],
  },
  'zh-hans': {
    lang: 'zh-Hans',
    family: 'simplified',
    opencc: 'cn',
    ogLocale: 'zh_CN',
    label: '简体',
    mark: '简',
    name: '简体中文',
    browserLanguages: /^zh-(hans|cn|sg|my)(-|$)/,
    ruleVariants: ['zh-hans', 'zh-cn', 'zh-sg', 'zh-my'],
    quotes: ['“', '”', '‘', '’'],
  },
} as const satisfies Record<string, ScriptDefinition>;

/** URL segment of a script: every page lives under `/zh-hant/` or `/zh-hans/`. */
export type Script = keyof typeof scriptRegistry;

/** Every script, in the order pages and links list them. */
export const scripts = Object.keys(scriptRegistry) as Script[];

/** The script of a visitor whose browser asks for no Chinese script in particular. */
export const defaultScript: Script = 'zh-hant';

export function scriptInfo(script: Script): ScriptDefinition {
  return scriptRegistry[script];
}

/**
 * Where an article's text comes from. The variant decides the script its
 * author's text is already in and the OpenCC dictionaries that read it.
 */
export const sourceVariantRegistry = {
  'zh-TW': { script: 'zh-hant', opencc: 'tw', description: 'Taiwan Traditional' },
  'zh-HK': { script: 'zh-hant', opencc: 'hk', description: 'Hong Kong Traditional' },
  'zh-Hant': { script: 'zh-hant', opencc: 't', description: 'Traditional, no region' },
  'zh-CN': { script: 'zh-hans', opencc: 'cn', description: 'mainland Simplified' },
  'zh-SG': { script: 'zh-hans', opencc: 'cn', description: 'Singapore Simplified' },
  'zh-Hans': { script: 'zh-hans', opencc: 'cn', description: 'Simplified, no region' },
} as const satisfies Record<string, { script: Script; opencc: 'tw' | 'hk' | 't' | 'cn'; description: string }>;

export type SourceVariant = keyof typeof sourceVariantRegistry;
export const sourceVariants = Object.keys(sourceVariantRegistry) as [SourceVariant, ...SourceVariant[]];

/** The script an article's own text is written in. */
export function scriptOfVariant(variant: SourceVariant): Script {
  return sourceVariantRegistry[variant].script;
}

/** BCP 47 tag of a script. */
export function langTag(script: Script): string {
  return scriptRegistry[script].lang;
}

/** The scripts whose form every glossary entry must give: those with no fallback. */
export const glossaryScripts = scripts.filter(
  (script) => (scriptRegistry[script] as ScriptDefinition).glossaryFallback === undefined,
);

/** The scripts a reader can switch to from `script`. */
export function otherScripts(script: Script): Script[] {
  return scripts.filter((other) => other !== script);
}

export function isScript(value: unknown): value is Script {
  return typeof value === 'string' && Object.hasOwn(scriptRegistry, value);
}

/**
 * The script a first-time visitor gets: the first Chinese language the
 * browser lists decides (`zh-CN` → Simplified, `zh-TW` → Traditional…);
 * without one, the default script.
 */
export function preferredScript(languages: readonly string[]): Script {
  const chinese = languages.map((tag) => tag.toLowerCase()).find((tag) => tag === 'zh' || tag.startsWith('zh-'));
  if (chinese === undefined) return defaultScript;
  return scripts.find((script) => scriptRegistry[script].browserLanguages.test(chinese)) ?? defaultScript;
}
