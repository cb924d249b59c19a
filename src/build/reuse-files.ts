/**
 * Files a build takes unchanged from the site it replaces: hard links where
 * the two sites share a file system (no bytes copied, and the replaced site
 * is only unlinked when it is removed), copies where they do not. A build
 * never writes into a file it took this way: that would write into the live
 * site too.
 */
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

/**
 * `from` at `to`, in place of whatever `to` was (which is unlinked, never
 * written into). The link is tried first: a rebuild takes tens of thousands
 * of files into a fresh folder, where there is nothing to unlink, and one
 * system call a file is half the time of two.
 */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
    return;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') {
      await rm(to, { force: true });
      return linkOrCopy(from, to);
    }
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
  }
  await rm(to, { force: true });
  await copyFile(from, to);
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
