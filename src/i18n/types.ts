/** The shape of a table of interface strings: the Traditional table is the reference every other table matches. */
import type zhHant from './zh-hant.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : T[K] };

export type UiStrings = Widen<typeof zhHant>;
