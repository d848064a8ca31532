import * as assert from 'node:assert/strict';
import { GitHubError } from '../../../src/github/model/errors';
import { checkRunsProjection, eventsProjection, mergeEvents, projectPull, reviewsProjection } from '../../../src/review/source/projections';

const pull = {
  number: 3,
  title: 't',
  body: null,
  html_url: 'https://github.com/o/r/pull/3',
  user: { login: 'alice' },
  created_at: '2026-03-02T10:00:00Z',
  updated_at: '2026-03-02T11:00:00Z',
  head: { ref: 'feature', sha: 'abc', repo: null },
  base: { ref: 'main', repo: { full_name: 'o/r' } },
  requested_reviewers: [{ login: 'me' }],
  requested_teams: [{ slug: 'Web' }],
};

describe('projectPull', () => {
  it('keeps what the queue needs; a null body and a deleted fork are fine', () => {
    const pr = projectPull(pull);
    assert.deepEqual([pr.key, pr.body, pr.headRepo, pr.requestedTeams, pr.additions], ['o/r#3', '', undefined, ['o/web'], undefined]);
  });
  const broken: Array<[string, unknown]> = [
    ['not an object', []],
    ['no user', { ...pull, user: null }],
    ['bad date', { ...pull, created_at: 'yesterday' }],
    ['title not text', { ...pull, title: 42 }],
  ];
  for (const [name, json] of broken) {
    it(`${name} → bad-response`, () =>
      assert.throws(
        () => projectPull(json),
        (e) => e instanceof GitHubError && e.kind === 'bad-response',
      ));
  }
});

describe('reviews, events and checks', () => {
  it('skips pending reviews and deleted accounts', () => {
    const reviews = reviewsProjection.project([
      { user: { login: 'bob' }, state: 'APPROVED', submitted_at: '2026-03-02T10:00:00Z', commit_id: 'abc' },
      { user: null, state: 'APPROVED', submitted_at: '2026-03-02T10:00:00Z' },
      { user: { login: 'eve' }, state: 'PENDING' },
    ]);
    assert.deepEqual(
      reviews.map((r) => r.reviewer),
      ['bob'],
    );
  });
  it('keeps the latest request per reviewer and names teams by the repository owner', () => {
    const pages = eventsProjection.project([
      { event: 'review_requested', created_at: '2026-03-02T10:00:00Z', requested_reviewer: { login: 'me' } },
      { event: 'review_requested', created_at: '2026-03-02T12:00:00Z', requested_reviewer: { login: 'me' } },
      { event: 'review_requested', created_at: '2026-03-02T11:00:00Z', requested_team: { slug: 'web' } },
      { event: 'ready_for_review', created_at: '2026-03-02T09:00:00Z' },
      { event: 'labeled', created_at: '2026-03-02T13:00:00Z' },
    ]);
    const merged = mergeEvents(pages, 'Acme');
    assert.deepEqual(
      merged.reviewRequests.map((r) => [r.reviewer, r.isTeam, new Date(r.at).toISOString()]),
      [
        ['me', false, '2026-03-02T12:00:00.000Z'],
        ['acme/web', true, '2026-03-02T11:00:00.000Z'],
      ],
    );
    assert.equal(merged.readyAt, Date.parse('2026-03-02T09:00:00Z'));
  });
  const checks: Array<[string, unknown[], string]> = [
    ['none', [], 'none'],
    [
      'all green',
      [
        { status: 'completed', conclusion: 'success' },
        { status: 'completed', conclusion: 'skipped' },
      ],
      'success',
    ],
    [
      'one running',
      [
        { status: 'completed', conclusion: 'success' },
        { status: 'in_progress', conclusion: null },
      ],
      'pending',
    ],
    [
      'failure beats running',
      [
        { status: 'in_progress', conclusion: null },
        { status: 'completed', conclusion: 'failure' },
      ],
      'failure',
    ],
    ['timed out', [{ status: 'completed', conclusion: 'timed_out' }], 'failure'],
  ];
  for (const [name, runs, expected] of checks) {
    it(`checks: ${name}`, () => assert.equal(checkRunsProjection.project({ total_count: runs.length, check_runs: runs }), expected));
  }
});
