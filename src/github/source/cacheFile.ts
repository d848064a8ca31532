/**
 * Loads and saves the ETag cache as one JSON file per account under
 * `globalStorage/github-cache/`. Writes are atomic (temp file, then rename). A broken file is
 * a cache miss, never an error: caches are disposable.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CacheSnapshot } from '../model/etagCache';

/** One-way account key: the token itself is never written anywhere. */
export function accountKey(apiUrl: string, token: string): string {
  return createHash('sha256').update(`${apiUrl}\n${token}`).digest('hex').slice(0, 20);
}

export function cacheFilePath(dir: string, account: string): string {
  return path.join(dir, `${account}.json`);
}

export async function loadCacheFile(file: string): Promise<CacheSnapshot | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as CacheSnapshot;
    return parsed && parsed.version === 1 ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export async function saveCacheFile(file: string, snapshot: CacheSnapshot): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.writeFile(tmp, JSON.stringify(snapshot), 'utf8');
    await fs.rename(tmp, file);
  } catch (error) {
    // A full disk must not leave a stray temp file per poll in global storage.
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
}
