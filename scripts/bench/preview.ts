/**
 * How long the editor's preview (`npm run dev`) takes to show a saved change:
 * the dev server runs on a copy of content/, one article's paragraph is
 * changed on disk, and its page is fetched until it shows the change. Five
 * saves, each timed from the write to the first page that has it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startPreview } from '../dev-process.ts';

const root = resolve(import.meta.dirname, '..', '..');

export interface PreviewTiming {
  /** Milliseconds from each save to the first page showing it. */
  saves: number[];
}

export async function measurePreview(port: number): Promise<PreviewTiming> {
  const preview = await startPreview(join(root, 'content'), port);
  const file = join(preview.content, 'articles', 'xi-mishustin-after-trump-summit-2025.md');
  const original = await readFile(file, 'utf8');
  const page = `${preview.origin}/zh-hant/articles/xi-mishustin-after-trump-summit-2025/`;
  const fetchPage = (): Promise<string> =>
    fetch(page).then(
      (response) => (response.ok ? response.text() : ''),
      () => '',
    );
  try {
    const saves: number[] = [];
    for (let save = 1; save <= 5; save++) {
      const marker = `預覽測試第${'一二三四五'[save - 1]}次`;
      const started = performance.now();
      await writeFile(file, original.replace(/\n\n([^\n#-])/, `\n\n${marker}。$1`));
      while (!(await fetchPage()).includes(marker)) {
        if (performance.now() - started > 60_000) throw new Error('the preview did not show the change within 60 s');
        await new Promise((done) => setTimeout(done, 20));
      }
      saves.push(performance.now() - started);
    }
    return { saves };
  } finally {
    await preview.stop();
  }
}
