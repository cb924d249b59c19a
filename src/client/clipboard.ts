/** Copies text to the clipboard; `false` where the browser refuses (no permission, insecure page, no API). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The page's canonical address (what a reader should share), without a fragment. */
export function canonicalUrl(): string {
  const href = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
  const url = new URL(href);
  url.hash = '';
  return url.href;
}

/** Says `message` in a live region, and clears it after a while so the same message is said again next time. */
export function announce(region: HTMLElement, message: string): void {
  region.textContent = message;
  window.setTimeout(() => {
    if (region.textContent === message) region.textContent = '';
  }, 4000);
}
