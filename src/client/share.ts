/**
 * The article's share button: the device's share sheet (Web Share API)
 * where there is one, else a copy of the link. Nothing is sent to anyone
 * but the share target the reader picks.
 */
import { announce, canonicalUrl, copyText } from './clipboard.ts';

export function enhanceShare(): void {
  for (const wrapper of document.querySelectorAll<HTMLElement>('[data-share]')) {
    const button = wrapper.querySelector<HTMLButtonElement>('[data-share-button]');
    const status = wrapper.querySelector<HTMLElement>('[data-share-status]');
    if (!button || !status) continue;
    const canShare = typeof navigator.share === 'function';
    const canCopy = typeof navigator.clipboard?.writeText === 'function';
    if (!canShare && !canCopy) continue;
    if (!canShare) button.textContent = button.dataset['copyLabel'] ?? button.textContent;
    wrapper.hidden = false;
    button.addEventListener('click', () => {
      const url = canonicalUrl();
      if (canShare) {
        // A reader who closes the share sheet rejects the promise: that is not an error.
        navigator.share({ title: button.dataset['title'] ?? document.title, url }).catch(() => undefined);
        return;
      }
      void copyText(url).then((copied) => {
        if (copied) announce(status, status.dataset['copied'] ?? '');
      });
    });
  }
}
