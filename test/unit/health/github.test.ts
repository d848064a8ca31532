import * as assert from 'node:assert/strict';
import { accountKey } from '../../../src/github/source/cacheFile';
import { GitHubClient } from '../../../src/github/source/client';
import { EtagCache } from '../../../src/github/model/etagCache';
import { HostGate } from '../../../src/github/source/hostGate';
import { fetchDeployments, fetchGitHubReleases, fetchPullRequestData } from '../../../src/health/source/github';
import {
  closedPullsProjection,
  deployedAt,
  draftEventsProjection,
  healthReviewsProjection,
  mergeDraftEvents,
} from '../../../src/health/source/projections';
import { resolveTime, type Scenario, type ScenarioMergedPull } from '../../fake-github/scenario';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';

const TOKEN = 'test-token-0123456789abcdef';
const NOW = Date.parse('2026-03-04T15:00:00Z');
const HOUR = 3_600_000;

function scenario(): Scenario {
  const merged: ScenarioMergedPull[] = Array.from({ length: 130 }, (_, i) => ({
    number: 1000 + i,
    title: `Change ${i}`,
    author: i % 2 ? 'ann' : 'ben',
    created: `-${i * 2 + 30}h`,
    merged: `-${i * 2 + 2}h`,
    reviews: [{ user: i % 2 ? 'ben' : 'ann', state: 'APPROVED', at: `-${i * 2 + 10}h` }],
  }));
  merged.push({
    number: 7,
    title: 'Draft first',
    author: 'cid',
    created: '-50h',
    ready: '-20h',
    merged: '-1h',
    firstCommit: '-60h',
    reviews: [
      { user: 'ann', state: 'COMMENTED', at: '-25h' },
      { user: 'cid', state: 'COMMENTED', at: '-24h' },
    ],
  });
  return {
    viewer: 'ann',
    token: TOKEN,
    repos: [
      {
        owner: 'acme',
        name: 'app',
        pulls: [],
        merged,
        releases: [
          { tag: 'v2.0.0', published: '-5h' },
          { tag: 'v1.9.0', published: '-50h', prerelease: true },
          { tag: 'v2.1.0', published: '-1h', draft: true },
        ],
        deployments: [
          {
            id: 1,
            sha: 'a'.repeat(40),
            environment: 'production',
            created: '-30h',
            statuses: [
              { state: 'in_progress', at: '-30h' },
              { state: 'success', at: '-29h' },
              { state: 'inactive', at: '-5h' },
            ],
          },
          { id: 2, sha: 'b'.repeat(40), environment: 'production', created: '-10h', statuses: [{ state: 'failure', at: '-9h' }] },
          { id: 3, sha: 'c'.repeat(40), environment: 'staging', created: '-6h', statuses: [{ state: 'success', at: '-6h' }] },
          { id: 4, sha: 'd'.repeat(40), environment: 'production', created: '-5h', statuses: [{ state: 'success', at: '-4h' }] },
        ],
      },
    ],
  };
}

describe('Team Health GitHub source against the fake server', () => {
  let gh: FakeGitHub;
  let cache: EtagCache;
  const client = () =>
    new GitHubClient({ apiUrl: gh.url, token: TOKEN, account: accountKey(gh.url, TOKEN), cache, gate: new HostGate(), now: () => NOW });

  beforeEach(async () => {
    cache = new EtagCache();
    gh = await startFakeGitHub({ scenario: scenario(), now: NOW });
  });
  afterEach(() => gh.close());

  it('reads merged pull requests of the period with reviews, draft events and first commits', async () => {
    const progress: string[] = [];
    const data = await fetchPullRequestData(client(), {
      repo: 'acme/app',
      since: NOW - 100 * HOUR,
      maxDetailed: 10,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    // Merged within 100 hours: #7 (1 h ago) and changes 0..49 (2..100 h ago); the 10 newest are read.
    assert.equal(data.pullRequests.size, 10);
    assert.equal(data.skipped, 51 - 10);
    assert.deepEqual(progress.slice(0, 2), ['0/10', '1/10']);
    const draft = data.pullRequests.get(7)!;
    assert.deepEqual(draft, {
      author: 'cid',
      openedAt: NOW - 50 * HOUR,
      readyAt: NOW - 20 * HOUR,
      wasDraft: true,
      reviews: [
        { reviewer: 'ann', state: 'COMMENTED', submittedAt: NOW - 25 * HOUR },
        { reviewer: 'cid', state: 'COMMENTED', submittedAt: NOW - 24 * HOUR },
      ],
      url: 'https://github.com/acme/app/pull/7',
      title: 'Draft first',
      firstCommitAt: NOW - 60 * HOUR,
    });
    // Closed PRs come 100 a page, most recently updated first: the first page already ends before
    // `since`, so the second is not asked for.
    assert.equal(gh.stats.byPath['/repos/acme/app/pulls'], 1);
    gh.resetStats();
    const longer = await fetchPullRequestData(client(), { repo: 'acme/app', since: NOW - 400 * HOUR, maxDetailed: 0 });
    assert.equal(longer.skipped, 131);
    assert.equal(gh.stats.byPath['/repos/acme/app/pulls'], 2);
  });

  it('asks nothing again for pull requests it already knows, and a second read costs no rate limit', async () => {
    const first = await fetchPullRequestData(client(), { repo: 'acme/app', since: NOW - 30 * HOUR, maxDetailed: 300 });
    const requests = gh.stats.requests;
    gh.resetStats();
    const second = await fetchPullRequestData(client(), {
      repo: 'acme/app',
      since: NOW - 30 * HOUR,
      maxDetailed: 300,
      known: first.pullRequests,
    });
    assert.deepEqual([...second.pullRequests.keys()], [...first.pullRequests.keys()]);
    assert.ok(requests > 3 * first.pullRequests.size, `the first read asked for each PR's details (${requests} requests)`);
    assert.equal(gh.stats.requests, 1, 'only the first page of the list, to see what is new');
    assert.equal(gh.stats.points, 0, 'answered 304 Not Modified');
  });

  it('reads published releases, with the commit of their tag from local history', async () => {
    const releases = await fetchGitHubReleases(client(), 'acme/app', (tag) => (tag === 'v2.0.0' ? 'f'.repeat(40) : undefined));
    assert.deepEqual(releases, [
      { name: 'v2.0.0', commit: 'f'.repeat(40), date: NOW - 5 * HOUR, source: 'github-release' },
      { name: 'v1.9.0', commit: '', date: NOW - 50 * HOUR, source: 'github-release' },
    ]);
  });

  it('reads successful deployments to one environment, dated when they succeeded', async () => {
    const deployments = await fetchDeployments(client(), 'acme/app', 'production', NOW - 100 * HOUR, 10);
    assert.deepEqual(deployments, [
      { name: 'deployment 4', commit: 'd'.repeat(40), date: NOW - 4 * HOUR, source: 'deployment', environment: 'production' },
      { name: 'deployment 1', commit: 'a'.repeat(40), date: NOW - 29 * HOUR, source: 'deployment', environment: 'production' },
    ]);
  });
});

describe('Team Health GitHub projections', () => {
  it('keep merged and unmerged closed pull requests apart, and tolerate a deleted author', () => {
    const pulls = closedPullsProjection.project([
      { number: 1, title: 't', html_url: 'https://x/1', user: null, created_at: '2026-01-01T00:00:00Z', merged_at: null },
      {
        number: 2,
        title: 't',
        html_url: 'https://x/2',
        user: { login: 'a' },
        created_at: '2026-01-01T00:00:00Z',
        merged_at: '2026-01-02T00:00:00Z',
      },
    ]);
    assert.deepEqual(
      pulls.map((p) => [p.number, p.author, p.mergedAt]),
      [
        [1, undefined, undefined],
        [2, 'a', Date.parse('2026-01-02T00:00:00Z')],
      ],
    );
    assert.throws(() => closedPullsProjection.project({ message: 'Not Found' }), /not a list/);
  });

  it('keep submitted reviews only', () => {
    const reviews = healthReviewsProjection.project([
      { user: { login: 'a' }, state: 'APPROVED', submitted_at: '2026-01-01T00:00:00Z' },
      { user: { login: 'b' }, state: 'PENDING' },
      { user: null, state: 'COMMENTED', submitted_at: '2026-01-01T00:00:00Z' },
    ]);
    assert.deepEqual(reviews, [{ reviewer: 'a', state: 'APPROVED', submittedAt: Date.parse('2026-01-01T00:00:00Z') }]);
  });

  it('take the last ready-for-review event across pages', () => {
    const pages = [
      ...draftEventsProjection.project([{ event: 'ready_for_review', created_at: '2026-01-01T00:00:00Z' }, { event: 'labeled' }]),
      ...draftEventsProjection.project([
        { event: 'convert_to_draft', created_at: '2026-01-02T00:00:00Z' },
        { event: 'ready_for_review', created_at: '2026-01-03T00:00:00Z' },
      ]),
    ];
    assert.deepEqual(mergeDraftEvents(pages), { wasDraft: true, readyAt: Date.parse('2026-01-03T00:00:00Z') });
    assert.deepEqual(mergeDraftEvents(draftEventsProjection.project([])), { wasDraft: false });
  });

  it('date a deployment by its first success', () => {
    assert.equal(
      deployedAt([
        { state: 'inactive', createdAt: 30 },
        { state: 'success', createdAt: 20 },
        { state: 'success', createdAt: 25 },
      ]),
      20,
    );
    assert.equal(deployedAt([{ state: 'failure', createdAt: 1 }]), undefined);
  });

  it('resolve scenario times of day the way the demo repository dates its commits', () => {
    const now = new Date(2026, 2, 4, 15, 0).getTime(); // local time
    const expected = new Date(2026, 1, 25, 9, 30).getTime(); // 7 days earlier at 09:30 local
    assert.equal(resolveTime('-7d@09:30', now), expected);
  });
});
