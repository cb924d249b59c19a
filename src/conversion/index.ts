/**
 * Script conversion: text and HTML from an article's source variant into a
 * page's script, with OpenCC's dictionaries, inline rules (`-{…}-`), the
 * editors' glossary and the page's quotation marks. Pure and unit-tested;
 * the pages, feeds and search files all convert through here.
 */
export {
  belongsToOtherFamily,
  hongKongPhraseRanges,
  isTongyongGuifan,
  readTable,
  sameCharacter,
  scriptEvidence,
  traditionalForms,
} from './characters.ts';
export { glossaryForm } from './glossary.ts';
export { convertHtml } from './html.ts';
export { conversionEnabled, openccConverter } from './opencc.ts';
export { default as rehypeConvertScript } from './rehype-convert-script.ts';
export { hasRuleMarker, parseRules, ruleClose, ruleOpen, ruleOutput, type RuleSegment, unclosedRule } from './rules.ts';
export { articleGlossary, namePins } from './name-pins.ts';
export { reviewConversion, type ReviewItem } from './review.ts';
export { convertPieces, convertRunAligned, convertText } from './text.ts';
export { createConversionLog, perceivedAttributes, type ConversionLog, type ConvertOptions, type Glossary } from './types.ts';
