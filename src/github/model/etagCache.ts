/**
 * Conditional-request cache: per account and URL, the ETag and the projected data it stood for.
 * Projected (small) data is stored, not raw responses, so the cache stays small on disk.
 * No token is ever stored: the account key is a one-way hash. Pure (persistence is cacheFile.ts).
 */
export interface CacheEntry {
  etag: string;
  /** Projected JSON-serialisable data of this page. */
  data: unknown;
  /** The `next` page URL, so a 304 on page 1 can still walk the cached pages. */
  next?: string;
  /** When the entry was last confirmed (200 or 304), epoch ms. */
  at: number;
}

export interface CacheSnapshot {
  version: 1;
  entries: Record<string, CacheEntry>;
}

const MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

export class EtagCache {
  private entries = new Map<string, CacheEntry>();
  private dirty = false;

  constructor(snapshot?: CacheSnapshot) {
    if (snapshot?.version === 1 && snapshot.entries && typeof snapshot.entries === 'object') {
      for (const [key, entry] of Object.entries(snapshot.entries)) {
        if (entry && typeof entry.etag === 'string' && typeof entry.at === 'number') this.entries.set(key, entry);
      }
    }
  }

  static key(account: string, url: string, projection: string): string {
    return `${account} ${projection} ${url}`;
  }

  get(key: string): CacheEntry | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: CacheEntry): void {
    this.entries.set(key, entry);
    this.dirty = true;
  }

  touch(key: string, at: number): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.at = at;
      this.dirty = true;
    }
  }

  delete(key: string): void {
    if (this.entries.delete(key)) this.dirty = true;
  }

  get size(): number {
    return this.entries.size;
  }

  /** True once since the last snapshot() when anything changed. */
  get isDirty(): boolean {
    return this.dirty;
  }

  /** Serialisable copy without entries unused for two weeks. */
  snapshot(now: number): CacheSnapshot {
    const entries: Record<string, CacheEntry> = {};
    for (const [key, entry] of this.entries) {
      if (now - entry.at < MAX_AGE_MS) entries[key] = entry;
    }
    this.dirty = false;
    return { version: 1, entries };
  }
}
