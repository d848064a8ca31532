/**
 * Crash-safe file replacement: write a temp file in the same folder, fsync it, keep the previous
 * version as `<name>.bak` (a hard link, so no copy and no window without a good file), rename the
 * temp over the target, fsync the folder. A reader sees the old file or the new one, never a mix.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { tempName } from './lock';
import { toStoreError } from '../model/errors';

export interface WriteOptions {
  /** Keep the file being replaced as this name (the last-good backup). */
  backupName?: string;
  /** Fail with EEXIST instead of replacing an existing file (for new notes and conflict copies). */
  exclusive?: boolean;
}

export async function writeFileAtomic(dir: string, name: string, text: string, options: WriteOptions = {}): Promise<void> {
  const temp = join(dir, tempName());
  const target = join(dir, name);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive) {
      // link refuses to replace an existing file: no second writer can clobber a new name.
      await fs.link(temp, target);
      await fs.unlink(temp);
    } else {
      if (options.backupName) await backup(dir, target, options.backupName);
      await fs.rename(temp, target);
    }
    await syncDir(dir);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && options.exclusive) throw error;
    throw toStoreError(error, `saving ${name}`);
  }
}

async function backup(dir: string, target: string, backupName: string): Promise<void> {
  const aside = join(dir, tempName());
  try {
    try {
      await fs.link(target, aside);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return; // nothing to back up yet
      // File systems without hard links: fall back to a copy (slower, same result).
      await fs.copyFile(target, aside, fsConstants.COPYFILE_EXCL);
    }
    await fs.rename(aside, join(dir, backupName));
  } catch (error) {
    // A full disk must not leave the backup's temp name behind (a partial copy included).
    await fs.unlink(aside).catch(() => undefined);
    throw error;
  }
}

/** Makes a rename durable across power loss. Some platforms cannot fsync a folder; that is fine. */
export async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows and some network file systems refuse; the rename itself is still atomic.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
