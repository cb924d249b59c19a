/**
 * Inline conversion rules, in the syntax Chinese Wikipedia's editors know:
 *
 * - `-{文字}-` (or `-{R|文字}-`) keeps the text as written on every page;
 * - `-{zh-hans:甲;zh-hant:乙}-` gives each script its own text (the regional
 *   names zh-cn, zh-sg, zh-my, zh-tw, zh-hk and zh-mo work too, as fallbacks).
 *
 * A rule lives inside one run of plain text: it cannot hold markup, and it
 * cannot hold another rule. The parser reports every problem with its offset,
 * so the Markdown checks can name the line and column.
 */
import { scriptInfo, scripts, type Script } from '../site/scripts.ts';

export interface TextSegment {
  type: 'text';
  value: string;
  /** UTF-16 offset of the segment in the parsed string. */
  start: number;
}

export interface RuleSegment {
  type: 'rule';
  /** The rule as written, markers included. */
  raw: string;
  start: number;
  /** `-{…}-`: the text every page shows. */
  verbatim?: string | undefined;
  /** `-{zh-…:…}-`: lower-case variant name → text. */
  variants?: ReadonlyMap<string, string> | undefined;
}

export type Segment = TextSegment | RuleSegment;

export interface RuleProblem {
  /** UTF-16 offsets of the rule (or the unclosed marker) in the parsed string. */
  start: number;
  end: number;
  message: string;
}

export const ruleOpen = '-{';
export const ruleClose = '}-';

/** Every variant name a rule may use: the ones some script shows. */
export const ruleVariantNames: ReadonlySet<string> = new Set(scripts.flatMap((script) => scriptInfo(script).ruleVariants));

const variantPart = /^\s*(zh(?:-[a-z0-9]+)*)\s*:([\s\S]*)$/i;

/** The text a rule gives `script`, or `undefined` when it gives that script none. */
export function ruleOutput(rule: RuleSegment, script: Script): string | undefined {
  if (rule.verbatim !== undefined) return rule.verbatim;
  for (const name of scriptInfo(script).ruleVariants) {
    const text = rule.variants?.get(name);
    if (text !== undefined) return text;
  }
  return undefined;
}

function parseBody(body: string, raw: string, start: number, problems: RuleProblem[]): RuleSegment {
  const end = start + raw.length;
  const problem = (message: string): void => void problems.push({ start, end, message });
  const flag = /^([A-Za-z-]{1,2})\|/.exec(body);
  if (flag) {
    if (flag[1] !== 'R') problem(`the flag "${flag[1]}|" is not supported: write -{text}- or -{zh-hans:…;zh-hant:…}-`);
    const verbatim = body.slice(flag[0].length);
    if (verbatim === '') problem('the rule is empty');
    return { type: 'rule', raw, start, verbatim };
  }
  if (!/^\s*zh(?:-[a-z0-9]+)*\s*:/i.test(body)) {
    if (body.trim() === '') problem('the rule is empty');
    return { type: 'rule', raw, start, verbatim: body };
  }
  const variants = new Map<string, string>();
  for (const part of body.split(';')) {
    if (part.trim() === '') continue;
    const match = variantPart.exec(part);
    const name = match?.[1]?.toLowerCase();
    const text = match?.[2]?.trim() ?? '';
    if (name === undefined) problem(`"${part.trim()}" is not "variant:text"`);
    else if (!ruleVariantNames.has(name)) problem(`unknown variant "${name}" (use ${[...ruleVariantNames].join(', ')})`);
    else if (variants.has(name)) problem(`the variant "${name}" is given twice`);
    else if (text === '') problem(`the variant "${name}" has no text`);
    else variants.set(name, text);
  }
  const rule: RuleSegment = { type: 'rule', raw, start, variants };
  for (const script of scripts) {
    if (variants.size > 0 && ruleOutput(rule, script) === undefined)
      problem(
        `no text for ${scriptInfo(script).label} pages (give ${scriptInfo(script).ruleVariants.join(', ')} or one of them)`,
      );
  }
  return rule;
}

/** The problem of a `-{` with no `}-` after it in the same text. */
export const unclosedRule = 'the rule opened by "-{" is not closed by "}-"';

/** Splits text into plain segments and rules; problems are reported, and the text of a broken rule stays plain. */
export function parseRules(text: string): { segments: Segment[]; problems: RuleProblem[] } {
  const segments: Segment[] = [];
  const problems: RuleProblem[] = [];
  let cursor = 0;
  const pushText = (end: number): void => {
    if (end > cursor) segments.push({ type: 'text', value: text.slice(cursor, end), start: cursor });
  };
  for (let open = text.indexOf(ruleOpen); open !== -1; open = text.indexOf(ruleOpen, cursor)) {
    const close = text.indexOf(ruleClose, open + ruleOpen.length);
    const nested = text.indexOf(ruleOpen, open + ruleOpen.length);
    if (close === -1) {
      problems.push({ start: open, end: open + ruleOpen.length, message: unclosedRule });
      break;
    }
    if (nested !== -1 && nested < close) {
      problems.push({ start: open, end: close + ruleClose.length, message: 'a rule cannot contain another rule' });
      break;
    }
    pushText(open);
    const raw = text.slice(open, close + ruleClose.length);
    segments.push(parseBody(text.slice(open + ruleOpen.length, close), raw, open, problems));
    cursor = close + ruleClose.length;
  }
  pushText(text.length);
  return { segments, problems };
}

/** Whether a text holds a rule marker at all: the cheap test before parsing. */
export function hasRuleMarker(text: string): boolean {
  return text.includes(ruleOpen);
}
