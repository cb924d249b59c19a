/**
 * Interface strings, one table per script. Simplified strings are written for
 * mainland readers (搜索, 个), not converted from the Traditional ones (搜尋, 個).
 */
import type { Script } from '../lib/scripts.ts';
import zhHans from './zh-hans.ts';
import zhHant from './zh-hant.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : T[K] };
export type UiStrings = Widen<typeof zhHant>;

const tables: Record<Script, UiStrings> = { 'zh-hant': zhHant, 'zh-hans': zhHans };

/** The interface strings of a script. */
export function ui(script: Script): UiStrings {
  return tables[script];
}
