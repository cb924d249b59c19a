/**
 * Writes today's date on the printout's provenance line, as a `<time>` in
 * the page's script, when the page loads and again before printing.
 */
export function stampPrintDate(): void {
  const line = document.querySelector<HTMLElement>('[data-print-date]');
  if (!line) return;
  const time = line.querySelector('time') ?? line.appendChild(document.createElement('time'));
  const stamp = (): void => {
    const now = new Date();
    time.dateTime = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
    time.textContent = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'long' }).format(now);
    line.hidden = false;
  };
  stamp();
  window.addEventListener('beforeprint', stamp);
}
