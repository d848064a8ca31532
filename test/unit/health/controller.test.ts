import * as assert from 'node:assert/strict';
import type { Clock } from '../../../src/core/clock';
import { Emitter } from '../../../src/core/event';
import type { GitApi, GitStatus, HistoryModel, Release, RepoSnapshot } from '../../../src/git/api';
import { createHistoryModel } from '../../../src/git/model/historyModel';
import type { GitHubApi, GitHubChange, GitHubConnection } from '../../../src/github/api';
import { accountKey } from '../../../src/github/source/cacheFile';
import { GitHubClient } from '../../../src/github/source/client';
import { EtagCache } from '../../../src/github/model/etagCache';
import { HostGate } from '../../../src/github/source/hostGate';
import { HealthController, type HealthControllerDeps } from '../../../src/health/controller';
import { DEFAULT_HEALTH_SETTINGS } from '../../../src/health/model/settings';
import type { PeriodChoice } from '../../../src/health/view/protocol';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { DAY, NOW, commit, sha } from '../git/builders';

const ROOT = '/ws/shop';
const TOKEN = 'test-token-0123456789abcdef';

/** A week of history: two squashed PRs (#5, #6) and a release, with any commits and tags added on top. */
function history(extra: ReturnType<typeof commit>[] = [], extraTags: Release[] = []): HistoryModel {
  const commits = [
    ...extra,
    commit('c3', { parents: ['c2'], daysAgo: 1, subject: 'Speed up search (#6)', files: [['src/search.ts', 10, 2]] }),
    commit('c2', { parents: ['c1'], daysAgo: 3, subject: 'Add search (#5)', files: [['src/search.ts', 40, 0]] }),
    commit('c1', { daysAgo: 9, subject: 'Start', files: [['README.md', 3, 0]] }),
  ];
  return createHistoryModel(
    {
      repoRoot: ROOT,
      tip: commits[0].hash,
      shallow: false,
      commits,
      releases: [{ tag: 'v1.0.0', commit: sha('c2'), date: NOW - 2 * DAY, annotated: true }, ...extraTags],
      readAt: NOW,
    },
    { halfLifeDays: 90 },
  );
}

function snapshot(head: string, branch = 'main', remote?: string): RepoSnapshot {
  return {
    repoRoot: ROOT,
    branch,
    detached: false,
    head,
    ahead: 0,
    behind: 0,
    dirtyFiles: [],
    stagedFiles: [],
    mergeInProgress: false,
    remotes: remote ? [{ name: 'origin', fetchUrl: remote }] : [],
    takenAt: NOW,
  };
}

class FakeGit implements GitApi {
  status: GitStatus = 'ready';
  snapshots: RepoSnapshot[] = [snapshot(sha('c3'))];
  model = history();
  historyCalls = 0;
  fail = false;
  readonly snapshotsChanged = new Emitter<readonly RepoSnapshot[]>();
  readonly statusChanged = new Emitter<GitStatus>();
  readonly onDidChangeSnapshots = this.snapshotsChanged.event;
  readonly onDidChangeStatus = this.statusChanged.event;
  readonly unsafeRepositories = [];
  readonly onDidChangeUnsafe = new Emitter<readonly never[]>().event;
  snapshotContaining(): RepoSnapshot | undefined {
    return this.snapshots[0];
  }
  async history(): Promise<HistoryModel> {
    this.historyCalls++;
    if (this.fail) throw new Error('git log failed');
    return this.model;
  }
  async ownersOf() {
    return [];
  }
  async currentUserEmail() {
    return undefined;
  }
  async filesAt(): Promise<string[]> {
    return ['README.md', 'src/search.ts'];
  }
  bases = new Map<string, string[]>();
  basesAsked: string[][] = [];
  async mergeBases(_root: string, _tip: string, commits: readonly string[]): Promise<Map<string, string[]>> {
    this.basesAsked.push([...commits]);
    return new Map([...this.bases].filter(([commit]) => commits.includes(commit)));
  }
}

class FakeClock implements Clock {
  timers: (() => void)[] = [];
  readonly onDidJump = new Emitter<void>().event;
  now(): number {
    return NOW;
  }
  at() {
    return { dispose() {} };
  }
  after(_ms: number, callback: () => void) {
    this.timers.push(callback);
    return { dispose: () => (this.timers = this.timers.filter((t) => t !== callback)) };
  }
}

function controller(git: FakeGit, github: GitHubApi, overrides: Partial<HealthControllerDeps> = {}) {
  let weeks: unknown;
  const errors: string[] = [];
  const c = new HealthController({
    git,
    github,
    clock: new FakeClock(),
    settings: () => DEFAULT_HEALTH_SETTINGS,
    botAuthors: () => [],
    schedule: () => ({ workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '17:00' }, timeZone: 'UTC' }),
    period: { get: () => weeks, set: (w: PeriodChoice) => (weeks = w) },
    pause: () => new Promise((resolve) => setImmediate(resolve)),
    log: { info: () => undefined, error: (m) => errors.push(m) },
    ...overrides,
  });
  return { c, errors, weeks: () => weeks };
}

const signedOut: GitHubApi = {
  config: () => ({ apiUrl: 'https://api.github.com', repositories: [], pollMinutes: 5 }),
  repoOfRemote: () => undefined,
  connect: async () => undefined,
  onDidChange: new Emitter<GitHubChange>().event,
};

describe('HealthController', () => {
  it('computes nothing until asked, then reads history once for every period', async () => {
    const git = new FakeGit();
    const { c, weeks } = controller(git, signedOut);
    assert.equal(c.view().status, 'idle');
    assert.equal(git.historyCalls, 0);
    await c.ensure();
    const first = c.view();
    assert.equal(first.status, 'ready');
    assert.equal(first.weeks, 12);
    assert.equal(first.report?.period.weeks.length, 12);
    assert.equal(first.report?.flow.merged, 2);
    assert.equal(first.report?.knowledge.fileSource, 'head');
    assert.equal(first.signedIn, false);
    await c.ensure(); // fresh: nothing to do
    await c.setWeeks(4);
    assert.equal(c.view().report?.period.weeks.length, 4);
    assert.equal(weeks(), 4, 'the period is remembered');
    assert.equal(git.historyCalls, 1, 'a period switch computes from the history already read');
    c.dispose();
  });

  it('reads history again when HEAD moves, once things settle', async () => {
    const git = new FakeGit();
    const clock = new FakeClock();
    const { c } = controller(git, signedOut, { clock });
    await c.ensure();
    git.model = history([commit('c4', { parents: ['c3'], daysAgo: 0.5, subject: 'Tidy (#7)', files: [['src/search.ts', 1, 1]] })]);
    git.snapshots = [snapshot(sha('c4'))];
    git.snapshotsChanged.fire(git.snapshots);
    assert.equal(clock.timers.length, 1, 'waits for more changes first');
    clock.timers.shift()!();
    await c.whenIdle();
    assert.equal(git.historyCalls, 2);
    assert.equal(c.view().report?.flow.merged, 3);
    c.dispose();
  });

  it('asks git what a tag on a maintenance branch contains, once per HEAD, and counts it for lead time', async () => {
    const git = new FakeGit();
    // v1.0.1 was tagged on a release branch that forked from c3 and never came back.
    git.model = history([], [{ tag: 'v1.0.1', commit: sha('maint'), date: NOW - DAY / 2, annotated: true }]);
    git.bases.set(sha('maint'), [sha('c3')]);
    const { c } = controller(git, signedOut);
    await c.ensure();
    assert.deepEqual(git.basesAsked, [[sha('maint')]], 'only the tag whose commit is not in the history');
    const lead = c.view().report!.dora.leadTime;
    assert.ok(lead.ok);
    assert.equal(lead.value.hours.n, 3, 'c1 and c2 shipped in v1.0.0, and c3 in v1.0.1 though v1.0.1 is not on main');
    assert.equal(c.view().report!.dora.excluded.unreleased, 0);
    await c.setWeeks(4);
    assert.equal(git.basesAsked.length, 1, 'asked again only when HEAD moves');
    c.dispose();
  });

  it('counts every tag when the release pattern is empty, as the setting says', async () => {
    const git = new FakeGit();
    git.model = history([], [{ tag: 'nightly-42', commit: sha('c3'), date: NOW - DAY / 2, annotated: false }]);
    const releasesWith = async (releasePattern: string) => {
      const { c } = controller(git, signedOut, { settings: () => ({ ...DEFAULT_HEALTH_SETTINGS, releasePattern }) });
      await c.ensure();
      const names = c.view().report!.dora.releases.map((r) => r.name);
      c.dispose();
      return names;
    };
    assert.deepEqual(await releasesWith(DEFAULT_HEALTH_SETTINGS.releasePattern), ['v1.0.0']);
    assert.deepEqual(await releasesWith(''), ['nightly-42', 'v1.0.0']);
  });

  it('does not retry a failure on its own: Refresh does', async () => {
    const git = new FakeGit();
    git.fail = true;
    const { c, errors } = controller(git, signedOut);
    await c.ensure();
    assert.equal(c.view().status, 'error');
    assert.equal(c.view().error, 'git log failed');
    await c.ensure();
    assert.equal(git.historyCalls, 1, 'a view re-rendering after the error does not start another read');
    git.fail = false;
    await c.refresh();
    assert.equal(c.view().status, 'ready');
    assert.equal(errors.length, 1);
    c.dispose();
  });

  it('leaves an untrusted workspace alone', async () => {
    const git = new FakeGit();
    git.status = 'untrusted';
    const { c } = controller(git, signedOut);
    await c.ensure();
    assert.equal(c.view().status, 'untrusted');
    assert.equal(git.historyCalls, 0);
    c.dispose();
  });

  it('says when the figures come from a branch other than the mainline', async () => {
    const git = new FakeGit();
    git.snapshots = [snapshot(sha('c3'), 'feature/search')];
    const { c } = controller(git, signedOut);
    await c.ensure();
    assert.deepEqual(c.view().notes, [
      'Figures from feature/search, the branch checked out: work merged elsewhere since it branched off is not counted.',
    ]);
    c.dispose();
  });

  describe('signed in to GitHub', () => {
    let gh: FakeGitHub;
    beforeEach(async () => {
      gh = await startFakeGitHub({
        now: NOW,
        scenario: {
          viewer: 'ann',
          token: TOKEN,
          repos: [
            {
              owner: 'acme',
              name: 'shop',
              pulls: [],
              merged: [
                {
                  number: 5,
                  title: 'Add search',
                  author: 'ann',
                  created: '-80h',
                  merged: '-72h',
                  reviews: [{ user: 'ben', state: 'APPROVED', at: '-76h' }],
                },
                {
                  number: 6,
                  title: 'Speed up search',
                  author: 'ann',
                  created: '-30h',
                  merged: '-24h',
                  reviews: [{ user: 'ben', state: 'APPROVED', at: '-28h' }],
                },
              ],
              // Deployed from a release branch that forked from c3 and never came back to main.
              deployments: [
                { id: 1, sha: sha('maint'), environment: 'production', created: '-12h', statuses: [{ state: 'success', at: '-12h' }] },
              ],
            },
          ],
        },
      });
    });
    afterEach(() => gh.close());

    /** Signed in to the local server, for acme/shop; `onSave` hears each save of the ETag cache. */
    const signedIn = (onSave: () => void = () => undefined): GitHubApi => {
      const connection: GitHubConnection = {
        requests: new GitHubClient({
          apiUrl: gh.url,
          token: TOKEN,
          account: accountKey(gh.url, TOKEN),
          cache: new EtagCache(),
          gate: new HostGate(),
          now: () => NOW,
        }),
        save: async () => onSave(),
      };
      return {
        config: () => ({ apiUrl: gh.url, repositories: [], pollMinutes: 5 }),
        repoOfRemote: (url) => /\/(acme\/shop)\.git$/.exec(url)?.[1],
        connect: async () => connection,
        onDidChange: new Emitter<GitHubChange>().event,
      };
    };

    it('shows git figures first, then adds the reviews from GitHub', async () => {
      const git = new FakeGit();
      git.snapshots = [snapshot(sha('c3'), 'main', `${gh.url}/acme/shop.git`)];
      let saved = 0;
      const { c } = controller(
        git,
        signedIn(() => saved++),
      );
      const seen: string[] = [];
      c.onDidChange(() => {
        const v = c.view();
        if (v.report) seen.push(`${v.report.flow.mode}${v.busy ? ` (${v.busy})` : ''}`);
      });
      await c.ensure();
      assert.equal(seen[0], 'git (Reading reviews from GitHub…)', 'the git-only report comes first');
      const v = c.view();
      assert.equal(v.signedIn, true);
      assert.equal(v.busy, undefined);
      assert.equal(v.report?.reviewLoad.reviews, 2);
      assert.deepEqual(
        v.report?.flow.pullRequests.map((p) => [p.number, p.title, p.pickup]),
        [
          [6, 'Speed up search', 2],
          [5, 'Add search', 4],
        ],
      );
      assert.equal(saved, 1, 'the ETag cache is saved after reading');
      // A period switch asks GitHub nothing.
      const requests = gh.stats.requests;
      await c.setWeeks(4);
      assert.equal(gh.stats.requests, requests);
      c.dispose();
    });

    it('asks git what a deployment of a commit off HEAD contains, once GitHub has named it', async () => {
      const git = new FakeGit();
      git.snapshots = [snapshot(sha('c3'), 'main', `${gh.url}/acme/shop.git`)];
      git.bases.set(sha('maint'), [sha('c3')]);
      const { c } = controller(git, signedIn(), { settings: () => ({ ...DEFAULT_HEALTH_SETTINGS, releaseSource: 'deployment' }) });
      await c.ensure();
      assert.deepEqual(git.basesAsked, [[sha('maint')]], 'the tag v1.0.0 is on main; the deployed commit is not');
      const lead = c.view().report!.dora.leadTime;
      assert.ok(lead.ok, JSON.stringify(lead));
      assert.equal(lead.value.hours.n, 3, 'c1, c2 and c3 reached production in that deployment');
      c.dispose();
    });
  });
});
