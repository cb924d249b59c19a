/** The About page's text in each script, each written for its readers (not converted). */
import type { Script } from '../../site/scripts.ts';
import type { AboutPage } from './types.ts';
import zhHans from './zh-hans.ts';
import zhHant from './zh-hant.ts';

export type { AboutPage } from './types.ts';

const pages: Record<Script, AboutPage> = { 'zh-hant': zhHant, 'zh-hans': zhHans };

export function aboutPage(script: Script): AboutPage {
  return pages[script];
}
