/**
 * The ETag cache of each account, loaded from disk once however many connections ask at the same
 * moment. Without the shared promise, two connections made together (the queue and Team Health,
 * say, right after a sign-in) would each load the file and the later one would replace the
 * earlier in the map, so the responses the first one cached were lost and the next poll paid full
 * price for every request. Pure.
 */
import { EtagCache, type CacheSnapshot } from './etagCache';

export class AccountCaches {
  private readonly loading = new Map<string, Promise<EtagCache>>();

  /** The account's cache; `load` reads its saved snapshot and runs at most once until `clear()`. */
  get(account: string, load: () => Promise<CacheSnapshot | undefined>): Promise<EtagCache> {
    let cache = this.loading.get(account);
    if (!cache) {
      cache = load().then(
        (snapshot) => new EtagCache(snapshot),
        () => new EtagCache(), // an unreadable file is a cache miss, never an error
      );
      this.loading.set(account, cache);
    }
    return cache;
  }

  /** Drops every cache from memory (another credential); the next `get` reads the disk again. */
  clear(): void {
    this.loading.clear();
  }
}
