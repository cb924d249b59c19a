/**
 * Script conversion: text and HTML from an article's source variant into a
 * page's script, with OpenCC's dictionaries, inline rules (`-{…}-`), the
 * editors' glossary and the page's quotation marks. Pure and unit-tested;
 * the pages, feeds and search files all convert through here.
 */
export { belongsToOtherFamily, isTongyongGuifan, readTable, scriptEvidence, traditionalForms } from './characters.ts';
export { glossaryForm } from './glossary.ts';
export { convertHtml, type ConvertedHtml, type ConvertHtmlExtras } from './html.ts';
export { conversionEnabled, convertsScript, openccConverter } from './opencc.ts';
export { default as rehypeConvertScript, isVerbatim, perceivedAttributes } from './rehype-convert-script.ts';
export { default as rehypeFootnoteLabels } from './rehype-footnote-labels.ts';
export {
  hasRuleMarker,
  parseRules,
  ruleClose,
  ruleOpen,
  ruleOutput,
  type RuleProblem,
  type RuleSegment,
  type Segment,
  unclosedRule,
} from './rules.ts';
export { convertPieces, convertRunAligned, convertText } from './text.ts';
export { createConversionLog, type ConversionLog, type ConvertOptions, type Glossary, type GlossaryEntry } from './types.ts';
