/**
 * remark plugin: an article's text must be in the script its `sourceVariant`
 * names, or its own page would show the other script's characters. A
 * character only the other script uses is an error at its line and column
 * (keep it on purpose with `-{…}-`); a text written mostly in the other
 * script is one error that names the variant it probably is.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { belongsToOtherFamily, hongKongPhraseRanges, parseRules, scriptEvidence } from '../conversion/index.ts';
import { scriptInfo, scriptOfVariant, sourceVariantRegistry, type ScriptFamily, type SourceVariant } from '../site/scripts.ts';
import { ruleReporter } from './messages.ts';
import { textRuns } from './text-runs.ts';

export interface ScriptCheckOptions {
  variant: SourceVariant;
  /** Text outside the body that tells the script too (the headline and summary). */
  extraText?: string | undefined;
}

export interface ProbableVariant {
  variant: SourceVariant;
  /** How many characters point to it, and a few of them. */
  count: number;
  examples: string[];
}

/**
 * The characters of `text` outside its rules that only the other family
 * uses, with their UTF-16 offsets. In a Hong Kong text, Hong Kong's own
 * spelling of a name (恒生) is Traditional.
 */
export function strayCharacters(
  text: string,
  family: ScriptFamily,
  variant?: SourceVariant,
): { character: string; index: number }[] {
  const found: { character: string; index: number }[] = [];
  const hongKong = variant !== undefined && sourceVariantRegistry[variant].opencc === 'hk' ? hongKongPhraseRanges(text) : [];
  const inHongKongPhrase = (index: number): boolean => hongKong.some(([start, end]) => index >= start && index < end);
  for (const segment of parseRules(text).segments) {
    if (segment.type !== 'text') continue;
    let index = segment.start;
    for (const character of segment.value) {
      if (belongsToOtherFamily(character, family) && !inHongKongPhrase(index)) found.push({ character, index });
      index += character.length;
    }
  }
  return found;
}

/** Fewest characters of the other script that make a text "written in the other script" rather than "with a few strays". */
const mislabelled = 3;

/** The variant a text's characters point to, when they contradict `variant`'s family; `undefined` when they agree. */
export function probableVariant(text: string, variant: SourceVariant): ProbableVariant | undefined {
  const evidence = scriptEvidence(text);
  const family = scriptInfo(scriptOfVariant(variant)).family;
  let probable: SourceVariant | undefined;
  if (family === 'traditional' && evidence.simplified >= mislabelled && evidence.simplified > evidence.traditional)
    probable = 'zh-CN';
  if (family === 'simplified' && evidence.traditional >= mislabelled && evidence.traditional > evidence.simplified)
    probable = evidence.hongKong > evidence.taiwan ? 'zh-HK' : 'zh-TW';
  if (probable === undefined) return undefined;
  const strays = strayCharacters(text, family, variant);
  return {
    variant: probable,
    count: strays.length,
    examples: [...new Set(strays.map(({ character }) => character))].slice(0, 5),
  };
}

export default function remarkScriptCheck({ variant, extraText = '' }: ScriptCheckOptions) {
  const script = scriptOfVariant(variant);
  const { family, label } = scriptInfo(script);
  return (tree: Root, file: VFile): void => {
    const runs = textRuns(tree);
    const probable = probableVariant([extraText, ...runs.map((run) => run.text)].join('\n'), variant);
    if (probable !== undefined) {
      // One problem for the whole text, which the content check reports under `sourceVariant`.
      file.data['probableVariant'] = probable;
      return;
    }
    const report = ruleReporter(file, 'script', { fatal: true });
    for (const run of runs) {
      for (const { character, index } of strayCharacters(run.text, family, variant)) {
        const context = run.text.slice(Math.max(0, index - 6), index + 7);
        report(
          `「${character}」 is not ${label} script (in 「${context}」): this article is written in ${variant}; correct it, or keep it as written with -{${character}}-`,
          () => run.pointAt(index),
        );
      }
    }
    report.finish();
  };
}
