/**
 * Interface strings, one table per script. Each table is written for its
 * readers (搜尋 / 搜索, 個 / 个), not converted from another.
 */
import type { Script } from '../site/scripts.ts';
import type { UiStrings } from './types.ts';
import zhHans from './zh-hans.ts';
import zhHant from './zh-hant.ts';

export type { UiStrings } from './types.ts';

const tables: Record<Script, UiStrings> = { 'zh-hant': zhHant, 'zh-hans': zhHans };

/** The interface strings of a script. */
export function ui(script: Script): UiStrings {
  return tables[script];
}
