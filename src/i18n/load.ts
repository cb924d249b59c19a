/** The interface strings of one script, for browser code: only that script's table is downloaded. */
import type { Script } from '../lib/scripts.ts';
import type { UiStrings } from './index.ts';

export async function loadUi(script: Script): Promise<UiStrings> {
  return script === 'zh-hant' ? (await import('./zh-hant.ts')).default : (await import('./zh-hans.ts')).default;
}
