/**
 * An exclusive lock file for a notes folder, so two processes (two windows, two extension hosts)
 * never interleave a compare-and-swap. Created atomically with its content (write a temp file,
 * then `link`, which fails if the lock exists), so a crash never leaves an empty, unreadable lock.
 * A lock whose process is gone, or that is older than `staleMs`, is broken.
 *
 * Times here are the file system's and the process's (lock ages against mtimes, a wait's deadline),
 * never the extension's clock, which a test may move.
 */
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { NoteStoreError, toStoreError } from '../model/errors';

export const LOCK_NAME = '.lock';
export const TEMP_PREFIX = '.tmp-';

interface LockInfo {
  pid: number;
  host: string;
  time: number;
  token: string;
}

export interface LockOptions {
  /** Give up (with a retryable `busy` error) after this long. */
  timeoutMs?: number;
  /** A lock held longer than this is considered abandoned even if its process seems alive. */
  staleMs?: number;
}

export function tempName(): string {
  return `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`;
}

/** Runs `work` while holding the folder's lock. */
export async function withLock<T>(dir: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = await acquire(dir, options);
  try {
    return await work();
  } finally {
    await release();
  }
}

async function acquire(dir: string, options: LockOptions): Promise<() => Promise<void>> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 30_000;
  const lockPath = join(dir, LOCK_NAME);
  const info: LockInfo = { pid: process.pid, host: hostname(), time: Date.now(), token: randomBytes(8).toString('hex') };
  const temp = join(dir, tempName());
  try {
    await fs.writeFile(temp, JSON.stringify(info), { flag: 'wx' });
  } catch (error) {
    // The file may exist, half written (a full disk): remove it on this path too.
    await fs.unlink(temp).catch(() => undefined);
    throw toStoreError(error, 'creating the lock');
  }
  const deadline = Date.now() + timeoutMs;
  let delay = 1;
  try {
    for (;;) {
      try {
        await fs.link(temp, lockPath);
        return async () => {
          // Remove the lock only if it is still ours (it may have been broken as stale meanwhile).
          const current = await readLock(lockPath);
          if (current !== 'missing' && current?.token === info.token) await fs.unlink(lockPath).catch(() => undefined);
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw toStoreError(error, 'taking the lock');
      }
      const holder = await readLock(lockPath);
      if (holder === 'missing') continue;
      if (isStale(holder, staleMs, await lockAge(lockPath))) {
        await breakLock(dir, lockPath, holder);
        continue;
      }
      if (Date.now() > deadline)
        throw new NoteStoreError('busy', 'Another window is writing notes right now. Your text is still in the editor; save again.');
      await sleep(delay + Math.random() * delay);
      delay = Math.min(delay * 2, 8);
    }
  } finally {
    await fs.unlink(temp).catch(() => undefined);
  }
}

async function readLock(lockPath: string): Promise<LockInfo | 'missing' | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(lockPath, 'utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid === 'number' && typeof parsed.token === 'string') return parsed as LockInfo;
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : undefined;
  }
}

async function lockAge(lockPath: string): Promise<number> {
  try {
    return Date.now() - (await fs.stat(lockPath)).mtimeMs;
  } catch {
    return 0;
  }
}

function isStale(holder: LockInfo | undefined, staleMs: number, ageMs: number): boolean {
  if (ageMs > staleMs) return true;
  // Unreadable content cannot come from our writer (the lock appears with its content); treat as stale.
  if (!holder) return true;
  if (holder.host !== hostname()) return false;
  return !isProcessAlive(holder.pid);
}

export function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves the stale lock aside atomically, then checks it was the one judged stale. If another
 * process replaced it in between, that live lock is put back (link fails if a third took it).
 */
async function breakLock(dir: string, lockPath: string, judged: LockInfo | undefined): Promise<void> {
  const aside = join(dir, tempName());
  try {
    await fs.rename(lockPath, aside);
  } catch {
    return; // someone else broke or released it; just retry
  }
  const taken = await readLock(aside);
  const wasJudged =
    judged === undefined ? taken === undefined || taken === 'missing' : taken !== 'missing' && taken?.token === judged.token;
  if (!wasJudged) await fs.link(aside, lockPath).catch(() => undefined);
  // A `.lock` that was a folder (never ours) cannot be unlinked: remove it when it is empty;
  // otherwise the store's next open sets it aside in quarantine/.
  await fs.unlink(aside).catch(() => fs.rmdir(aside).catch(() => undefined));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
