/**
 * The reader's chosen script, kept in localStorage. Every access is guarded:
 * with storage blocked (private mode, strict settings) the switch still works,
 * it just is not remembered.
 */
import { isScript, type Script } from '../site/scripts.ts';

const key = 'guoji-shiping:script';

export function savePreference(script: string | undefined): void {
  if (!isScript(script)) return;
  try {
    localStorage.setItem(key, script);
  } catch {
    // Storage unavailable: nothing to remember with.
  }
}

export function loadPreference(): Script | undefined {
  try {
    const value = localStorage.getItem(key);
    return isScript(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
