/** The interface strings of one script, for browser code: only that script's table is downloaded. */
import type { Script } from '../site/scripts.ts';
import type { UiStrings } from './types.ts';

const loaders: Record<Script, () => Promise<{ default: UiStrings }>> = {
  'zh-hant': () => import('./zh-hant.ts'),
  'zh-hans': () => import('./zh-hans.ts'),
};

export async function loadUi(script: Script): Promise<UiStrings> {
  return (await loaders[script]()).default;
}
