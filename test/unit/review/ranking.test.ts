import * as assert from 'node:assert/strict';
import { isWaitingOnViewer, rankPullRequest, rankWaitingOnViewer, waitingSince } from '../../../src/review/policy/ranking';
import { HOUR, ME, NOW, pr, SETTINGS, UTC_WEEKDAYS } from './fixtures';

const ctx = (all = [pr()]) => ({ now: NOW, viewer: ME, schedule: UTC_WEEKDAYS, settings: SETTINGS, all });
// Monday 2026-03-02 11:00 UTC → Wednesday 15:00 = 6 + 8 + 6 = 20 business hours.
const MONDAY_11 = Date.parse('2026-03-02T11:00:00Z');

describe('isWaitingOnViewer', () => {
  const cases: Array<[string, Parameters<typeof pr>[0], boolean]> = [
    ['asked directly', {}, true],
    ['asked via my team', { requestedReviewers: [], requestedTeams: ['acme/web'] }, true],
    ['asked via a team I am not in', { requestedReviewers: [], requestedTeams: ['acme/ops'] }, false],
    ['login case differs', { requestedReviewers: ['ME'] }, true],
    ['draft', { draft: true }, false],
    ['my own PR', { author: 'me' }, false],
    ['bot author', { author: 'dependabot[bot]' }, false],
    ['not asked', { requestedReviewers: ['bob'] }, false],
  ];
  for (const [name, overrides, expected] of cases) {
    it(`${name} → ${expected}`, () => assert.equal(isWaitingOnViewer(pr(overrides), ME, SETTINGS), expected));
  }
  it('a login listed in botAuthors is a bot', () =>
    assert.equal(isWaitingOnViewer(pr({ author: 'renovate' }), ME, { ...SETTINGS, botAuthors: ['Renovate'] }), false));
  it('botAuthors patterns use the same * rule as git authors (one shared setting)', () => {
    assert.equal(isWaitingOnViewer(pr({ author: 'ci-release' }), ME, { ...SETTINGS, botAuthors: ['ci-*'] }), false);
    assert.equal(isWaitingOnViewer(pr({ author: 'cindy' }), ME, { ...SETTINGS, botAuthors: ['ci-*'] }), true);
  });
});

describe('waitingSince', () => {
  const cases: Array<[string, Parameters<typeof pr>[0], number]> = [
    ['created, never draft, no events', { createdAt: 1000 }, 1000],
    ['marked ready later', { createdAt: 1000, readyAt: 5000 }, 5000],
    ['my request after ready', { createdAt: 1000, readyAt: 5000, reviewRequests: [{ reviewer: 'me', isTeam: false, at: 9000 }] }, 9000],
    [
      'request before ready counts from ready',
      { createdAt: 1000, readyAt: 5000, reviewRequests: [{ reviewer: 'me', isTeam: false, at: 2000 }] },
      5000,
    ],
    [
      'someone else re-requested: not my clock',
      {
        createdAt: 1000,
        reviewRequests: [
          { reviewer: 'me', isTeam: false, at: 3000 },
          { reviewer: 'bob', isTeam: false, at: 8000 },
        ],
      },
      3000,
    ],
    ['my team requested', { createdAt: 1000, reviewRequests: [{ reviewer: 'acme/web', isTeam: true, at: 7000 }] }, 7000],
    [
      'latest of several requests',
      {
        createdAt: 1000,
        reviewRequests: [
          { reviewer: 'me', isTeam: false, at: 3000 },
          { reviewer: 'me', isTeam: false, at: 6000 },
        ],
      },
      6000,
    ],
  ];
  for (const [name, overrides, expected] of cases) {
    it(name, () => assert.equal(waitingSince(pr(overrides), ME), expected));
  }
});

describe('rankPullRequest reasons', () => {
  const cases: Array<[string, Parameters<typeof pr>[0], string]> = [
    [
      'the issue example',
      { createdAt: MONDAY_11, additions: 60, deletions: 24 },
      'waiting 20 business hours · 84 lines · you are the only reviewer',
    ],
    [
      'quick win',
      { createdAt: NOW - 30 * 60 * 1000, additions: 10, deletions: 2 },
      'waiting under 1 business hour · 12 lines, a quick win · you are the only reviewer',
    ],
    [
      'one line, one hour',
      { createdAt: NOW - HOUR, additions: 1, deletions: 0 },
      'waiting 1 business hour · 1 line, a quick win · you are the only reviewer',
    ],
    [
      'other reviewers too',
      { createdAt: NOW - 2 * HOUR, requestedReviewers: ['me', 'bob'] },
      'waiting 2 business hours · 84 lines · asked you directly',
    ],
    [
      'via team',
      { createdAt: NOW - 2 * HOUR, requestedReviewers: [], requestedTeams: ['acme/web'] },
      'waiting 2 business hours · 84 lines · asked via acme/web',
    ],
    [
      'size unknown yet',
      { createdAt: NOW - 2 * HOUR, additions: undefined, deletions: undefined },
      'waiting 2 business hours · you are the only reviewer',
    ],
    [
      'someone else already reviewed',
      { createdAt: NOW - 2 * HOUR, reviews: [{ reviewer: 'carol', state: 'COMMENTED', submittedAt: NOW - HOUR }] },
      'waiting 2 business hours · 84 lines · asked you directly',
    ],
  ];
  for (const [name, overrides, expected] of cases) {
    it(name, () => {
      const p = pr(overrides);
      assert.equal(rankPullRequest(p, ctx([p])).reason, expected);
    });
  }

  it('names the people a stacked PR blocks', () => {
    const base = pr({ headRef: 'base-branch', createdAt: NOW - 2 * HOUR });
    const stacked = pr({ baseRef: 'base-branch', author: 'dave', requestedReviewers: [] });
    const r = rankPullRequest(base, ctx([base, stacked]));
    assert.equal(r.blockedPeople, 2);
    assert.match(r.reason, / · blocks 2 people$/);
  });
});

describe('rankWaitingOnViewer order', () => {
  // Each row: key suffix, overrides. Expected order is the table's order of names below.
  const rows: Array<[string, Parameters<typeof pr>[0]]> = [
    ['fresh-big', { createdAt: NOW - HOUR, additions: 500, deletions: 100 }],
    ['old-medium', { createdAt: MONDAY_11, additions: 150, deletions: 20 }],
    ['fresh-tiny', { createdAt: NOW - HOUR, additions: 5, deletions: 5 }],
    ['fresh-team', { createdAt: NOW - HOUR, additions: 5, deletions: 5, requestedReviewers: [], requestedTeams: ['acme/web'] }],
    ['draft', { createdAt: MONDAY_11, draft: true }],
    ['bot', { createdAt: MONDAY_11, author: 'dependabot[bot]' }],
  ];
  const all = rows.map(([name, o]) => pr({ ...o, title: name }));
  const ranked = rankWaitingOnViewer(ctx(all));

  it('puts long waits first, then quick wins, then team asks, then big PRs; drops drafts and bots', () =>
    assert.deepEqual(
      ranked.map((r) => r.pr.title),
      ['old-medium', 'fresh-tiny', 'fresh-team', 'fresh-big'],
    ));
  it('scores are the sum of their named parts', () => {
    for (const r of ranked) assert.equal(r.score, r.parts.wait + r.parts.size + r.parts.blocks + r.parts.asked);
  });
  it('the wait part is capped at three review targets', () => {
    const ancient = pr({ createdAt: NOW - 60 * 24 * HOUR });
    assert.equal(rankPullRequest(ancient, ctx([ancient])).parts.wait, 300);
  });
  it('is stable: equal scores order by key', () => {
    const a = pr({ number: 901 });
    const b = pr({ number: 900 });
    assert.deepEqual(
      rankWaitingOnViewer(ctx([a, b])).map((r) => r.pr.number),
      [900, 901],
    );
  });
});
