/**
 * At the site root: send a returning reader to the script they chose last,
 * and a first visitor to the one their browser's languages ask for.
 */
import { preferredScript } from '../site/scripts.ts';
import { loadPreference, savePreference } from './preference.ts';

export function chooseScriptAtRoot(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-choose-script]')) {
    link.addEventListener('click', () => savePreference(link.dataset['chooseScript']));
  }
  const script = loadPreference() ?? preferredScript(navigator.languages);
  const target = document.querySelector<HTMLAnchorElement>(`a[data-choose-script="${script}"]`);
  if (target) location.replace(target.href);
}
