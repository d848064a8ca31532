import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { accountKey, cacheFilePath, loadCacheFile, saveCacheFile } from '../../../src/github/source/cacheFile';
import { GitHubClient } from '../../../src/github/source/client';
import { EtagCache } from '../../../src/github/model/etagCache';
import { GitHubError } from '../../../src/github/model/errors';
import { HostGate } from '../../../src/github/source/hostGate';
import { pullListProjection, userProjection } from '../../../src/review/source/projections';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';

const SCENARIO = path.join(__dirname, '../../fake-github/scenarios/basic.json');
const TOKEN = 'test-token-0123456789abcdef';

describe('GitHubClient against the fake server', () => {
  let gh: FakeGitHub;
  let now = Date.now();
  const client = (cache = new EtagCache(), token = TOKEN, timeoutMs = 5000) =>
    new GitHubClient({ apiUrl: gh.url, token, account: accountKey(gh.url, token), cache, gate: new HostGate(), now: () => now, timeoutMs });

  beforeEach(async () => {
    now = Date.now();
    gh = await startFakeGitHub({ scenario: SCENARIO });
  });
  afterEach(() => gh.close());

  it('a second identical request is a free 304 served from the cache', async () => {
    const c = client();
    const first = await c.get('user', userProjection);
    const second = await c.get('user', userProjection);
    assert.deepEqual(second, first);
    assert.deepEqual(
      { requests: gh.stats.requests, notModified: gh.stats.notModified, points: gh.stats.points },
      { requests: 2, notModified: 1, points: 1 },
    );
    assert.deepEqual(
      { requests: c.stats.requests, notModified: c.stats.notModified, points: c.stats.points },
      { requests: 2, notModified: 1, points: 1 },
    );
  });

  it('follows Link pagination, and walks cached pages on 304s', async () => {
    const c = client();
    const all = await c.getAll('repos/acme/app/pulls?state=open&per_page=2', pullListProjection);
    assert.equal(all.length, 8);
    assert.equal(gh.stats.points, 4);
    const again = await c.getAll('repos/acme/app/pulls?state=open&per_page=2', pullListProjection);
    assert.deepEqual(
      again.map((p) => p.number),
      all.map((p) => p.number),
    );
    assert.equal(gh.stats.points, 4, 'the second walk costs no points');
    assert.equal(gh.stats.notModified, 4);
  });

  it('401 is an auth error', async () => {
    await assert.rejects(
      client(new EtagCache(), 'wrong-token-xxxx').get('user', userProjection),
      (e) => e instanceof GitHubError && e.kind === 'auth',
    );
  });

  it('403 with Retry-After: 120 blocks the host for 120 s without further requests', async () => {
    const c = client();
    gh.setFaults([{ kind: 'retry-after', retryAfter: 120, times: 1 }]);
    await assert.rejects(
      c.get('user', userProjection),
      (e) => e instanceof GitHubError && e.kind === 'rate-limited' && e.retryAt === now + 120_000,
    );
    await assert.rejects(c.get('user', userProjection), (e) => e instanceof GitHubError && e.kind === 'rate-limited');
    assert.equal(gh.stats.requests, 1, 'the blocked request never left the machine');
    now += 119_000;
    await assert.rejects(c.get('user', userProjection));
    now += 1_000;
    assert.equal((await c.get('user', userProjection)).login, 'me');
    assert.equal(gh.stats.requests, 2);
  });

  const faults: Array<[string, Parameters<FakeGitHub['setFaults']>[0][number], string]> = [
    ['an HTML 502 page', { kind: 'html-502' }, 'bad-response'],
    ['truncated JSON', { kind: 'truncated-json' }, 'bad-response'],
    ['a 500', { kind: 'server-error' }, 'http'],
    ['a dropped connection', { kind: 'drop' }, 'offline'],
    ['a 429', { kind: 'too-many', retryAfter: 5 }, 'rate-limited'],
  ];
  for (const [name, fault, kind] of faults) {
    it(`${name} is a '${kind}' error, not a crash`, async () => {
      gh.setFaults([fault]);
      await assert.rejects(
        client().get('repos/acme/app/pulls?state=open', pullListProjection),
        (e) => e instanceof GitHubError && e.kind === kind,
      );
    });
  }

  it('a slow answer past the timeout counts as offline', async () => {
    gh.setFaults([{ kind: 'slow', delayMs: 500 }]);
    await assert.rejects(
      client(new EtagCache(), TOKEN, 100).get('user', userProjection),
      (e) => e instanceof GitHubError && e.kind === 'offline',
    );
  });

  it('requests to one host run one at a time', async () => {
    gh.setFaults([{ kind: 'slow', delayMs: 50 }]);
    const c = client();
    const started = Date.now();
    await Promise.all([c.get('user', userProjection), c.get('user', userProjection), c.get('user', userProjection)]);
    assert.ok(Date.now() - started >= 140, 'three 50 ms answers took at least 150 ms in sequence');
  });

  it('the cache file round-trips and never contains the token', async () => {
    const cache = new EtagCache();
    await client(cache).get('user', userProjection);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gh-cache-'));
    const file = cacheFilePath(dir, accountKey(gh.url, TOKEN));
    await saveCacheFile(file, cache.snapshot(Date.now()));
    const text = await fs.readFile(file, 'utf8');
    assert.ok(!text.includes(TOKEN));
    const reloaded = new EtagCache(await loadCacheFile(file));
    await client(reloaded).get('user', userProjection);
    assert.equal(gh.stats.notModified, 1, 'a new session starts with conditional requests');
    assert.equal(await loadCacheFile(path.join(dir, 'missing.json')), undefined);
    await fs.writeFile(file, '{broken');
    assert.equal(await loadCacheFile(file), undefined);
  });

  it('a failed cache save leaves no temp file behind', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gh-cache-'));
    const file = path.join(dir, 'account.json');
    // A non-empty folder where the file should be: the final rename fails.
    await fs.mkdir(file);
    await fs.writeFile(path.join(file, 'keep'), '');
    await assert.rejects(saveCacheFile(file, new EtagCache().snapshot(Date.now())));
    assert.deepEqual(await fs.readdir(dir), ['account.json']);
  });
});
