import * as assert from 'node:assert/strict';
import { AccountCaches } from '../../../src/github/model/accountCaches';
import type { CacheSnapshot } from '../../../src/github/model/etagCache';

/** A load that finishes when the test says so, counting how often it was started. */
function slowLoad(snapshot: CacheSnapshot | undefined) {
  let finish!: () => void;
  const gate = new Promise<void>((resolve) => (finish = resolve));
  const load = { calls: 0, finish, run: async () => (load.calls++, await gate, snapshot) };
  return load;
}

describe('github: account caches', () => {
  it('two connections made together share one cache, loaded once, so neither loses what the other cached', async () => {
    const caches = new AccountCaches();
    const load = slowLoad(undefined);
    const first = caches.get('a', load.run);
    const second = caches.get('a', load.run);
    load.finish();
    const [one, two] = await Promise.all([first, second]);
    assert.equal(load.calls, 1);
    assert.equal(one, two);
    one.set('/repos/acme/app/pulls', { etag: 'W/"1"', data: [], at: 1 });
    assert.ok((await caches.get('a', load.run)).get('/repos/acme/app/pulls'), 'a later connection sees the entry');
  });

  it('keeps accounts apart, and reads the disk again after clear()', async () => {
    const caches = new AccountCaches();
    const load = slowLoad(undefined);
    load.finish();
    const a = await caches.get('a', load.run);
    assert.notEqual(await caches.get('b', load.run), a);
    caches.clear();
    assert.notEqual(await caches.get('a', load.run), a);
    assert.equal(load.calls, 3);
  });

  it('an unreadable snapshot is an empty cache, not an error', async () => {
    const caches = new AccountCaches();
    const cache = await caches.get('a', () => Promise.reject(new Error('EACCES')));
    assert.equal(cache.get('/anything'), undefined);
  });
});
