// A pull request opened by repository and number (a merged one from Team Health): its projection,
// what the loader answers when GitHub cannot (signed out, 404, 410, offline), and what the overview
// offers for it.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../../src/core/vscode/logger';
import type { GitHubApi, GitHubConnection, GitHubRequests, Projection } from '../../../src/github/api';
import { GitHubError } from '../../../src/github/model/errors';
import { detailsProblemOf, PullDetailsLoader } from '../../../src/review/details';
import { projectPull, pullProjection } from '../../../src/review/source/projections';
import { availableActions } from '../../../src/review/view/overview/actions';
import { renderOverviewHtml } from '../../../src/review/view/overview/html';
import { HOUR, NOW } from './fixtures';

const HOSTILE = '<img src=x onerror=alert(1)>';
const API = 'https://api.github.test';

function mergedJson(title = 'Add login') {
  return {
    number: 12,
    title,
    body: 'Lets people sign in.',
    html_url: 'https://github.com/acme/app/pull/12',
    state: 'closed',
    user: { login: 'bob' },
    draft: false,
    created_at: '2026-03-01T10:00:00Z',
    updated_at: '2026-03-02T11:00:00Z',
    closed_at: '2026-03-02T11:00:00Z',
    merged_at: '2026-03-02T11:00:00Z',
    merged_by: { login: '<b>carol</b>' },
    head: { ref: 'feature/login', sha: 'b'.repeat(40), repo: { full_name: 'acme/app' } },
    base: { ref: 'main', sha: 'a'.repeat(40), repo: { full_name: 'acme/app' } },
    requested_reviewers: [],
    requested_teams: [],
    additions: 40,
    deletions: 2,
    changed_files: 2,
  };
}

/** GitHub as a table of paths → JSON, or an error to throw for every request. */
function requests(answers: Record<string, unknown>, failure?: Error): GitHubRequests {
  const answer = <T>(path: string, projection: Projection<T>): T => {
    if (failure) throw failure;
    const key = Object.keys(answers).find((k) => path.startsWith(k));
    if (key === undefined) throw new GitHubError('not-found', `no answer for ${path}`, 404);
    return projection.project(answers[key]);
  };
  return {
    get: async (path, projection) => answer(path, projection),
    getAll: async (path, projection) => answer(path, projection),
    stats: { requests: 0, notModified: 0, points: 0 },
    blockedUntil: 0,
  };
}

const ANSWERS = {
  'repos/acme/app/pulls/12/reviews': [{ user: { login: 'dan' }, state: 'APPROVED', submitted_at: '2026-03-02T09:00:00Z' }],
  'repos/acme/app/pulls/12/files': [{ filename: 'src/login.ts', status: 'added', additions: 40, deletions: 0 }],
  'repos/acme/app/pulls/12': mergedJson(),
  'repos/acme/app/commits/': { check_runs: [] },
  'repos/acme/app/issues/12/timeline': [{ event: 'merged', created_at: '2026-03-02T11:00:00Z', actor: { login: 'carol' } }],
};

describe('a merged pull request by repository and number', () => {
  it('projects its merge: state, when and by whom; its title stays raw text for the page to escape', () => {
    const pr = projectPull(mergedJson(HOSTILE));
    assert.equal(pr.key, 'acme/app#12');
    assert.equal(pr.state, 'merged');
    assert.equal(pr.mergedAt, Date.parse('2026-03-02T11:00:00Z'));
    assert.equal(pr.mergedBy, '<b>carol</b>');
    assert.equal(pr.title, HOSTILE);
    assert.notEqual(pullProjection.id, 'pull.v2', 'cached answers without the merge are not reused');
  });

  it('a closed pull request is closed; an open one has no merge', () => {
    assert.equal(projectPull({ ...mergedJson(), merged_at: null, merged_by: null }).state, 'closed');
    const open = projectPull({ ...mergedJson(), state: 'open', merged_at: null, merged_by: null, closed_at: null });
    assert.deepEqual([open.state, open.mergedAt, open.mergedBy], ['open', undefined, undefined]);
  });

  it('a merge time that is not a date fails the request as a bad response', () => {
    assert.throws(
      () => projectPull({ ...mergedJson(), merged_at: 'yesterday' }),
      (e) => e instanceof GitHubError && e.kind === 'bad-response',
    );
  });

  it('a 404 and a 410 Gone both mean GitHub does not show it', () => {
    assert.equal(detailsProblemOf(new GitHubError('not-found', 'GitHub answered 404', 404)), 'not-found');
    assert.equal(detailsProblemOf(new GitHubError('http', 'GitHub answered 410', 410)), 'not-found');
    assert.equal(detailsProblemOf(new GitHubError('http', 'GitHub answered 500', 500)), 'failed');
    assert.equal(detailsProblemOf(new GitHubError('offline', 'cannot reach')), 'offline');
    assert.equal(detailsProblemOf(new GitHubError('rate-limited', 'wait', 403)), 'rate-limited');
    assert.equal(detailsProblemOf(new Error('anything else')), 'failed');
  });
});

describe('the loader, for a pull request outside the queue', () => {
  let dir: string;
  let connection: GitHubConnection | undefined;
  const github: GitHubApi = {
    config: () => ({ apiUrl: API, repositories: [], pollMinutes: undefined }),
    repoOfRemote: () => undefined,
    connect: async () => connection,
    onDidChange: () => ({ dispose: () => undefined }),
  };
  const log = { warn: () => undefined, info: () => undefined, error: () => undefined } as unknown as Logger;
  const connect = (r: GitHubRequests) => (connection = { requests: r, save: async () => undefined });
  let loader: PullDetailsLoader;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'multiplier-merged-pr-'));
    loader = new PullDetailsLoader({ github, clock: { now: () => NOW } as never, log, storageDir: dir });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fetches it, reviews, files and timeline included', async () => {
    connect(requests(ANSWERS));
    const result = await loader.loadByNumber({ repo: 'acme/app', number: 12 });
    assert.equal(result.problem, undefined);
    assert.equal(result.details?.pr.state, 'merged');
    assert.deepEqual(
      result.details?.pr.reviews.map((r) => r.reviewer),
      ['dan'],
    );
    assert.deepEqual(
      result.details?.files.map((f) => f.path),
      ['src/login.ts'],
    );
    assert.deepEqual(
      result.details?.timeline.map((e) => e.kind),
      ['merged'],
    );
  });

  for (const [name, error] of [
    ['404', new GitHubError('not-found', 'GitHub answered 404: Not Found', 404)],
    ['410', new GitHubError('http', 'GitHub answered 410: Gone', 410)],
  ] as const) {
    it(`answers not-found with nothing to show on a ${name}`, async () => {
      connect(requests({}, error));
      const result = await loader.loadByNumber({ repo: 'acme/app', number: 12 });
      assert.equal(result.problem, 'not-found');
      assert.equal(result.details, undefined);
    });
  }

  it('signed out, shows no saved copy: what another sign-in saw is not for this one', async () => {
    connect(requests(ANSWERS));
    assert.ok((await loader.loadByNumber({ repo: 'acme/app', number: 12 })).details);
    connection = undefined;
    const result = await loader.loadByNumber({ repo: 'acme/app', number: 12 });
    assert.deepEqual(result, { problem: 'signed-out' });
  });

  it('offline, shows the saved copy with a notice that says how old it is', async () => {
    connect(requests(ANSWERS));
    await loader.loadByNumber({ repo: 'acme/app', number: 12 });
    connect(requests({}, new GitHubError('offline', 'cannot reach api.github.test')));
    const result = await loader.loadByNumber({ repo: 'acme/app', number: 12 });
    assert.equal(result.problem, 'offline');
    assert.equal(result.details?.pr.title, 'Add login');
    assert.match(result.notice ?? '', /^offline · details from/);
  });

  it('offline with nothing saved, shows nothing (the caller opens the browser)', async () => {
    connect(requests({}, new GitHubError('offline', 'cannot reach api.github.test')));
    const result = await loader.loadByNumber({ repo: 'acme/app', number: 12 });
    assert.equal(result.problem, 'offline');
    assert.equal(result.details, undefined);
  });
});

describe('what the overview offers', () => {
  const context = { inQueue: true, pinned: false, prExtension: true, checkDescription: true };
  it('everything for an open pull request in the queue', () => {
    assert.deepEqual(availableActions({ ...context, state: 'open' }), [
      'openChanges',
      'checkout',
      'openInBrowser',
      'openInPullRequests',
      'copyQuestion',
      'snooze',
      'pin',
      'checkDescription',
      'refresh',
    ]);
  });
  it('nothing to review for a merged or closed one: its changes, the browser, the extension, refresh', () => {
    for (const state of ['merged', 'closed'] as const)
      assert.deepEqual(availableActions({ ...context, inQueue: false, state }), [
        'openChanges',
        'openInBrowser',
        'openInPullRequests',
        'refresh',
      ]);
  });
  it('snooze and pin only for what is in the queue; a pin left behind can still be undone', () => {
    const outside = availableActions({ ...context, inQueue: false, state: 'open' });
    assert.ok(!outside.includes('snooze') && !outside.includes('pin'));
    assert.ok(availableActions({ ...context, inQueue: false, pinned: true, state: 'open' }).includes('unpin'));
  });

  it('the page of a merged pull request says who merged it and offers no check-out', () => {
    const pr = projectPull(mergedJson(HOSTILE));
    const html = renderOverviewHtml(
      {
        pr,
        details: {
          pr,
          files: [],
          filesTruncated: false,
          checkRuns: [],
          // GitHub's two events for one merge, a second apart.
          timeline: [
            { kind: 'merged', at: pr.mergedAt!, who: 'carol' },
            { kind: 'closed', at: pr.mergedAt! + 1000, who: 'carol' },
          ],
          fetchedAt: NOW,
        },
        loading: false,
        pinned: false,
        prExtension: false,
        checkDescription: false,
        now: pr.mergedAt! + 3 * 24 * HOUR,
      },
      { cspSource: 'https://webview.test', nonce: 'n', scriptUri: 'https://webview.test/o.js', styleUri: 'https://webview.test/o.css' },
    );
    assert.ok(html.includes('<span class="chip state state-merged">Merged</span>'));
    assert.ok(html.includes('&lt;b&gt;carol&lt;/b&gt;</span> merged <code>feature/login</code> into <code>main</code>'));
    assert.ok(html.includes('3 days ago'));
    assert.ok(!html.includes('wants to merge'));
    assert.ok(html.includes('carol merged it'), 'the merge is in the timeline');
    assert.ok(!html.includes('closed it'), 'the close that is part of the merge is not shown twice');
    assert.ok(html.includes('It is merged: opened to look back at it'), 'why a merged pull request is here');
    assert.ok(!html.includes(HOSTILE) && html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    for (const hidden of ['checkout', 'copyQuestion', 'snooze', 'pin']) assert.ok(!html.includes(`data-action="${hidden}"`), hidden);
    for (const shown of ['openChanges', 'openInBrowser', 'refresh']) assert.ok(html.includes(`data-action="${shown}"`), shown);
  });
});
