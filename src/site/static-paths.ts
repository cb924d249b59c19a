/** `getStaticPaths` helpers: every page exists once per script. */
import { scripts, type Script } from './scripts.ts';

export function scriptPaths(): { params: { script: Script } }[] {
  return scripts.map((script) => ({ params: { script } }));
}
