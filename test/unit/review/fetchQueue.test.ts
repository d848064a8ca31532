import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { accountKey } from '../../../src/github/source/cacheFile';
import { GitHubClient } from '../../../src/github/source/client';
import { EtagCache } from '../../../src/github/model/etagCache';
import { fetchQueueData } from '../../../src/review/source/fetchQueue';
import { HostGate } from '../../../src/github/source/hostGate';
import { buildQueue } from '../../../src/review/model/queue';
import { DEFAULT_REVIEW_SETTINGS, isBot } from '../../../src/review/model/settings';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';

const SCENARIO = path.join(__dirname, '../../fake-github/scenarios/basic.json');
const TOKEN = 'test-token-0123456789abcdef';
/** Wednesday 15:00 UTC, so the scenario's relative times land on known working hours. */
const NOW = Date.parse('2026-03-04T15:00:00Z');
const SCHEDULE = { workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '17:00' }, timeZone: 'UTC' };

describe('fetchQueueData + buildQueue against the fake server', () => {
  let gh: FakeGitHub;
  let cache: EtagCache;
  const client = () =>
    new GitHubClient({ apiUrl: gh.url, token: TOKEN, account: accountKey(gh.url, TOKEN), cache, gate: new HostGate(), now: () => NOW });
  const options = (repositories: string[]) => ({
    repositories,
    currentBranches: [{ repo: 'acme/app', branch: 'my-branch' }],
    isBot: (login: string) => isBot(login, []),
    now: () => NOW,
  });

  beforeEach(async () => {
    cache = new EtagCache();
    gh = await startFakeGitHub({ scenario: SCENARIO, now: NOW });
  });
  afterEach(() => gh.close());

  it('ranks what waits on me, with reasons, and lists mine and this branch', async () => {
    const data = await fetchQueueData(client(), options(['acme/app', 'acme/lib']));
    assert.equal(data.viewer.login, 'me');
    assert.deepEqual(data.viewer.teams, ['acme/web']);
    const q = buildQueue(data, {
      now: NOW,
      schedule: SCHEDULE,
      settings: DEFAULT_REVIEW_SETTINGS,
      snoozes: {},
      currentBranches: options([]).currentBranches,
    });
    assert.deepEqual(
      q.waiting.map((i) => [i.pr.key, i.reason]),
      [
        ['acme/app#1', 'waiting 14 business hours · 84 lines · you are the only reviewer · blocks 2 people'],
        ['acme/lib#10', 'waiting 18 business hours · 300 lines · asked you directly'],
        ['acme/app#2', 'waiting 2 business hours · 12 lines, a quick win · asked via acme/web'],
        ['acme/app#6', 'waiting 1 business hour · 900 lines · you are the only reviewer'],
      ],
    );
    assert.deepEqual(
      q.waiting[3].flags.map((f) => f.id),
      ['too-big', 'no-why'],
    );
    assert.equal(q.waiting[3].pr.title, '<img src=x onerror=alert(1)>', 'kept verbatim; the view renders it as plain text');
    assert.deepEqual(
      q.mine.map((i) => i.pr.key),
      ['acme/app#5'],
    );
    assert.deepEqual(
      q.branch.map((i) => i.pr.key),
      ['acme/app#5'],
    );
    assert.equal(q.mine[0].pr.checks, 'pending');
  });

  it('a second poll with nothing changed costs 0 rate-limit points', async () => {
    await fetchQueueData(client(), options(['acme/app', 'acme/lib']));
    const first = { ...gh.stats };
    assert.equal(first.points, 25);
    gh.resetStats();
    await fetchQueueData(client(), options(['acme/app', 'acme/lib']));
    assert.equal(gh.stats.requests, 25);
    assert.equal(gh.stats.notModified, 25);
    assert.equal(gh.stats.points, 0);
  });

  it("without configured repositories it finds them through search, plus the current branch's PR", async () => {
    const data = await fetchQueueData(client(), { ...options([]), currentBranches: [{ repo: 'acme/app', branch: 'other' }] });
    assert.deepEqual(data.pullRequests.map((p) => p.key).sort(), [
      'acme/app#1',
      'acme/app#2',
      'acme/app#5',
      'acme/app#6',
      'acme/app#7',
      'acme/lib#10',
    ]);
    assert.equal(gh.stats.byPath['/repos/acme/app/pulls'], 1, 'one list request, filtered by head=acme:other');
  });

  it('new activity on one PR costs points only for what changed', async () => {
    await fetchQueueData(client(), options(['acme/app', 'acme/lib']));
    gh.update((s) => {
      s.repos[0].pulls[0].reviews = [{ user: 'me', state: 'COMMENTED', at: '-1h' }];
    });
    gh.resetStats();
    await fetchQueueData(client(), options(['acme/app', 'acme/lib']));
    assert.equal(gh.stats.points, 2, 'only the reviews page and the reviewed-by-me search changed');
  });

  it('a PR the viewer reviewed, and was not asked again, waits on its author', async () => {
    gh.update((s) => {
      const other = s.repos[0].pulls.find((p) => p.number === 7)!;
      other.reviews = [{ user: 'me', state: 'CHANGES_REQUESTED', at: '-2h' }];
    });
    const data = await fetchQueueData(client(), options(['acme/app', 'acme/lib']));
    const q = buildQueue(data, { now: NOW, schedule: SCHEDULE, settings: DEFAULT_REVIEW_SETTINGS, snoozes: {}, currentBranches: [] });
    assert.deepEqual(
      q.author.map((i) => [i.pr.key, i.short, i.reason]),
      [['acme/app#7', 'you asked changes', 'you asked for changes 2 hours ago · no push since']],
    );
  });

  describe('one repository that cannot be read degrades only itself', () => {
    it('a 404 (gone, or hidden from this account) leaves the others and names it', async () => {
      const data = await fetchQueueData(client(), options(['acme/app', 'acme/gone', 'acme/lib']));
      assert.ok(
        data.pullRequests.some((p) => p.key === 'acme/lib#10'),
        'the repository after the missing one is still read',
      );
      assert.ok(data.pullRequests.some((p) => p.key === 'acme/app#1'));
      assert.deepEqual(data.failedRepos, [{ repo: 'acme/gone', reason: 'not-found', status: 404 }]);
    });

    it('a 403 that is not a rate limit is "forbidden" for that repository only', async () => {
      gh.setFaults([{ kind: 'forbidden', match: '/repos/acme/lib/' }]);
      const data = await fetchQueueData(client(), options(['acme/app', 'acme/lib']));
      assert.ok(data.pullRequests.some((p) => p.key === 'acme/app#1'));
      assert.ok(!data.pullRequests.some((p) => p.repo === 'acme/lib'));
      assert.deepEqual(data.failedRepos, [{ repo: 'acme/lib', reason: 'forbidden', status: 403 }]);
    });

    it("the current branch's repository missing does not fail a search", async () => {
      const data = await fetchQueueData(client(), { ...options([]), currentBranches: [{ repo: 'acme/gone', branch: 'x' }] });
      assert.ok(data.pullRequests.length > 0);
      assert.deepEqual(data.failedRepos, [{ repo: 'acme/gone', reason: 'not-found', status: 404 }]);
    });

    it('a rate limit still fails the whole refresh (it holds every repository)', async () => {
      gh.setFaults([{ kind: 'retry-after', match: '/repos/acme/lib/', retryAfter: 60 }]);
      await assert.rejects(fetchQueueData(client(), options(['acme/app', 'acme/lib'])), /rate limit/);
    });
  });
});
