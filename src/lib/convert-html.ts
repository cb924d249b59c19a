/** Converts an HTML fragment (an article body) to Simplified script. */
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import rehypeConvertScript from '../plugins/rehype-convert-script.ts';
import type { ConvertOptions } from './convert.ts';

const parser = unified().use(rehypeParse, { fragment: true });
const serializer = unified().use(rehypeStringify);

export function convertHtml(html: string, options: ConvertOptions): string {
  const tree = parser.parse(html);
  rehypeConvertScript(options)(tree);
  return serializer.stringify(tree);
}
