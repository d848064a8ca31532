import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountKey } from '../../../src/github/source/cacheFile';
import { GitHubClient } from '../../../src/github/source/client';
import { EtagCache } from '../../../src/github/model/etagCache';
import { HostGate } from '../../../src/github/source/hostGate';
import { ContentStore } from '../../../src/review/source/contents';
import { contentProjection } from '../../../src/review/source/detailProjections';
import { fetchMergeBase, fetchPullDetails } from '../../../src/review/source/pullDetails';
import { pullProjection } from '../../../src/review/source/projections';
import type { Scenario } from '../../fake-github/scenario';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';

const NOW = Date.parse('2026-03-04T15:00:00Z');
const TOKEN = 'test-token';

function scenario(): Scenario {
  return {
    viewer: 'me',
    repos: [
      {
        owner: 'acme',
        name: 'app',
        pulls: [
          {
            number: 1,
            title: 'Many files',
            author: 'alice',
            created: '-3h',
            head: 'many',
            additions: 1,
            deletions: 1,
            requestedReviewers: ['me'],
            labels: ['big'],
            files: [
              ...Array.from({ length: 130 }, (_, i) => ({ path: `src/f${i}.ts`, base: `a${i}\n`, head: `b${i}\n` })),
              { path: 'img/logo.png', binary: true, status: 'modified' as const },
              { path: 'data/huge.json', base: '{}\n', headSize: 1_500_000 },
            ],
            checkRuns: Array.from({ length: 120 }, (_, i) => ({
              name: `job ${i}`,
              status: 'completed' as const,
              conclusion: i === 7 ? ('failure' as const) : ('success' as const),
            })),
            reviews: [{ user: 'bob', state: 'CHANGES_REQUESTED', at: '-1h' }],
            comments: [{ user: 'carol', at: '-2h' }],
          },
        ],
      },
    ],
  };
}

describe('PR details and contents against the fake server', function () {
  this.timeout(30_000);
  let gh: FakeGitHub;
  let dir: string;
  const cache = new EtagCache();
  const client = () =>
    new GitHubClient({ apiUrl: gh.url, token: TOKEN, account: accountKey(gh.url, TOKEN), cache, gate: new HostGate(), now: () => NOW });

  before(async () => {
    gh = await startFakeGitHub({ scenario: scenario(), now: NOW });
    dir = mkdtempSync(join(tmpdir(), 'multiplier-pr-contents-'));
  });
  after(async () => {
    await gh.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows pagination for files and check runs, and re-opening is answered by 304s', async () => {
    const queued = await client().get('repos/acme/app/pulls/1', pullProjection);
    gh.resetStats();
    const details = await fetchPullDetails(client(), queued, queued, () => NOW);
    assert.equal(details.files.length, 132);
    assert.equal(details.checkRuns.length, 120);
    assert.equal(details.pr.checks, 'failure');
    assert.deepEqual(details.pr.labels, ['big']);
    assert.deepEqual(
      details.timeline.map((e) => e.kind),
      ['committed', 'review-requested', 'review-requested', 'commented', 'reviewed'],
    );
    assert.equal(gh.stats.byPath['/repos/acme/app/pulls/1/files'], 2, 'two pages of files');
    assert.equal(gh.stats.byPath['/repos/acme/app/commits/' + queued.headSha + '/check-runs'], 2, 'two pages of runs');
    gh.resetStats();
    await fetchPullDetails(client(), queued, queued, () => NOW);
    assert.equal(gh.stats.points, 0);
    assert.equal(gh.stats.notModified, gh.stats.requests);
  });

  it('reads base and head contents once, then from disk; binary and oversized files by size only', async () => {
    const queued = await client().get('repos/acme/app/pulls/1', pullProjection);
    const base = (await fetchMergeBase(client(), queued))!;
    assert.match(base, /^[0-9a-f]{40}$/);
    const store = new ContentStore(dir);
    const read = (sha: string, path: string, s = store) => s.read({ apiUrl: gh.url, repo: 'acme/app', sha, path }, async () => client());
    const head = await read(queued.headSha, 'src/f3.ts');
    assert.deepEqual(head && head.kind === 'text' ? Buffer.from(head.base64, 'base64').toString() : head, 'b3\n');
    const old = await read(base, 'src/f3.ts');
    assert.deepEqual(old && old.kind === 'text' ? Buffer.from(old.base64, 'base64').toString() : old, 'a3\n');
    assert.equal((await read(queued.headSha, 'img/logo.png'))?.kind, 'binary');
    assert.deepEqual(await read(queued.headSha, 'data/huge.json'), { kind: 'too-large', size: 1_500_000 });
    assert.deepEqual(await read(base, 'src/nothing.ts'), { kind: 'missing' });
    gh.resetStats();
    const again = await read(queued.headSha, 'src/f3.ts', new ContentStore(dir));
    assert.equal(again?.kind, 'text');
    assert.equal(gh.stats.requests, 0, 'a new window reads it from disk');
  });

  it('keeps contents out of the ETag cache', () => {
    assert.equal(contentProjection(1024).store, false);
    assert.ok(![...JSON.stringify(cache.snapshot(NOW))].join('').includes('content.v1'));
  });
});
