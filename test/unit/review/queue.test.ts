import * as assert from 'node:assert/strict';
import type { PullRequest } from '../../../src/review/model/pullRequest';
import { buildQueue, summarise, type QueueContext } from '../../../src/review/model/queue';
import { isSnoozed, pruneSnoozes } from '../../../src/review/model/snooze';
import { reminderRequest, statusView } from '../../../src/review/policy/statusText';
import { HOUR, ME, NOW, pr, SETTINGS, UTC_WEEKDAYS } from './fixtures';

const ctx = (overrides: Partial<QueueContext> = {}): QueueContext => ({
  now: NOW,
  schedule: UTC_WEEKDAYS,
  settings: SETTINGS,
  snoozes: {},
  currentBranches: [],
  ...overrides,
});
const data = (prs: PullRequest[]) => ({ viewer: ME, pullRequests: prs, fetchedAt: NOW });

describe('buildQueue', () => {
  const waiting = pr({ number: 1, createdAt: NOW - 30 * HOUR }); // Tuesday 09:00: 8 + 6 business hours
  const mineNew = pr({ number: 2, author: 'me', requestedReviewers: ['bob'], createdAt: NOW - 2 * HOUR, headRef: 'my-branch' });
  const bot = pr({ number: 3, author: 'renovate[bot]' });
  const q = buildQueue(data([waiting, mineNew, bot]), ctx({ currentBranches: [{ repo: 'acme/app', branch: 'my-branch' }] }));

  it('groups: waiting on you, yours, this branch', () => {
    assert.deepEqual(
      q.waiting.map((i) => i.pr.number),
      [1],
    );
    assert.deepEqual(
      q.mine.map((i) => i.pr.number),
      [2],
    );
    assert.deepEqual(
      q.branch.map((i) => i.pr.number),
      [2],
    );
  });
  it('marks a wait past the target as stale, with the flag', () => {
    assert.equal(q.waiting[0].tone, 'stale');
    assert.ok(q.waiting[0].flags.some((f) => f.id === 'stale'));
    assert.equal(q.oldestWaitHours, 14);
  });
  it('a snoozed item moves to the snoozed list', () => {
    const s = buildQueue(data([waiting]), ctx({ snoozes: { [waiting.key]: { kind: 'until', until: NOW + HOUR } } }));
    assert.equal(s.waiting.length, 0);
    assert.deepEqual(
      s.snoozed.map((i) => i.pr.number),
      [1],
    );
    assert.equal(s.oldestWaitHours, undefined);
  });
});

describe('summarise (your pull requests)', () => {
  const cases: Array<[string, Parameters<typeof pr>[0], string, string]> = [
    [
      'waiting for a first review',
      { author: 'me', requestedReviewers: ['bob', 'eve'], createdAt: NOW - 2 * HOUR },
      'waiting 2 business hours for a first review · 2 reviewers asked · checks passing',
      'normal',
    ],
    [
      'stale first review',
      { author: 'me', createdAt: NOW - 30 * HOUR },
      'waiting 14 business hours for a first review · 1 reviewer asked · checks passing',
      'stale',
    ],
    [
      'approved',
      { author: 'me', reviews: [{ reviewer: 'bob', state: 'APPROVED', submittedAt: NOW }] },
      'approved by bob · checks passing',
      'approved',
    ],
    [
      'changes requested wins over approval',
      {
        author: 'me',
        reviews: [
          { reviewer: 'bob', state: 'APPROVED', submittedAt: NOW - 2 },
          { reviewer: 'eve', state: 'CHANGES_REQUESTED', submittedAt: NOW - 1 },
        ],
      },
      'changes requested by eve · checks passing',
      'changes-requested',
    ],
    ['draft with failing checks', { author: 'me', draft: true, checks: 'failure' }, 'draft · checks failing', 'failing'],
    [
      'merge conflict',
      { author: 'me', reviews: [{ reviewer: 'bob', state: 'COMMENTED', submittedAt: NOW }], mergeable: false, checks: 'none' },
      'reviewed, no verdict yet · merge conflict',
      'normal',
    ],
  ];
  for (const [name, overrides, reason, tone] of cases) {
    it(name, () => {
      const s = summarise(pr(overrides), ctx());
      assert.equal(s.reason, reason);
      assert.equal(s.tone, tone);
    });
  }
});

describe('snoozes', () => {
  const p = pr({ updatedAt: 1000 });
  const cases: Array<[string, Parameters<typeof isSnoozed>[0], number, boolean]> = [
    ['none', undefined, NOW, false],
    ['until later', { kind: 'until', until: NOW + 1 }, NOW, true],
    ['until passed', { kind: 'until', until: NOW }, NOW, false],
    ['until activity, none yet', { kind: 'activity', seenUpdatedAt: 1000, since: NOW - HOUR }, NOW, true],
    ['until activity, PR changed', { kind: 'activity', seenUpdatedAt: 999, since: NOW - HOUR }, NOW, false],
  ];
  for (const [name, snooze, now, expected] of cases) it(name, () => assert.equal(isSnoozed(snooze, p, now), expected));
  it('prunes expired and closed', () =>
    assert.deepEqual(
      Object.keys(
        pruneSnoozes(
          { a: { kind: 'until', until: NOW - 1 }, b: { kind: 'until', until: NOW + 1 }, c: { kind: 'until', until: NOW + 1 } },
          NOW,
          new Set(['a', 'b']),
        ),
      ),
      ['b'],
    ));
});

describe('status item and reminder', () => {
  const q = buildQueue(data([pr({ number: 1, createdAt: NOW - 30 * HOUR }), pr({ number: 2, createdAt: NOW - HOUR })]), ctx());
  const cases: Array<[string, Parameters<typeof statusView>[0], { visible: boolean; text: string; warning: boolean }]> = [
    [
      'two waiting, past the 7 h target',
      { queue: q, targetHours: 7, hideWhenEmpty: true },
      { visible: true, text: '$(git-pull-request) 2 · 14h', warning: true },
    ],
    [
      'within a 20 h target',
      { queue: q, targetHours: 20, hideWhenEmpty: true },
      { visible: true, text: '$(git-pull-request) 2 · 14h', warning: false },
    ],
    [
      'quiet: no warning colour',
      { queue: q, targetHours: 7, hideWhenEmpty: true, quietReason: 'quiet hours' },
      { visible: true, text: '$(git-pull-request) 2 · 14h', warning: false },
    ],
    [
      'empty and hidden',
      { queue: buildQueue(data([]), ctx()), targetHours: 7, hideWhenEmpty: true },
      { visible: false, text: '$(git-pull-request) 0', warning: false },
    ],
    [
      'empty and shown',
      { queue: buildQueue(data([]), ctx()), targetHours: 7, hideWhenEmpty: false },
      { visible: true, text: '$(git-pull-request) 0', warning: false },
    ],
    [
      'not loaded yet',
      { queue: undefined, targetHours: 7, hideWhenEmpty: false },
      { visible: false, text: '$(git-pull-request) 0', warning: false },
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      const v = statusView(input);
      assert.deepEqual({ visible: v.visible, text: v.text, warning: v.warning }, expected);
    });
  }
  it('reminds through the scheduler, at most every 3 hours', () => {
    const req = reminderRequest(q, NOW, undefined);
    assert.equal(req?.kind, 'review.reminder');
    assert.equal(req?.wantsToast, true);
    assert.equal(req?.title, '2 reviews wait on you');
    assert.equal(reminderRequest(q, NOW, NOW - HOUR), undefined);
    assert.ok(reminderRequest(q, NOW, NOW - 3 * HOUR));
    assert.equal(reminderRequest(buildQueue(data([]), ctx()), NOW, undefined), undefined);
  });
});
