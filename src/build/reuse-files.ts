/**
 * Files a build takes unchanged from the site it replaces: hard links where
 * the two sites share a file system (no bytes copied, and the replaced site
 * is only unlinked when it is removed), copies where they do not. A build
 * never writes into a file it took this way: that would write into the live
 * site too.
 */
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** `from` at `to`, in place of whatever `to` was (which is unlinked, never written into). */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  await rm(to, { force: true });
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
    await copyFile(from, to);
  }
}

/** Every file under `from`, linked (or copied) to the same place under `to`. */
export async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  const entries = await readdir(from, { withFileTypes: true });
  await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? linkTree(join(from, entry.name), join(to, entry.name))
        : linkOrCopy(join(from, entry.name), join(to, entry.name)),
    ),
  );
}
