import * as assert from 'node:assert/strict';
import { formatHours, hygieneFlags, meaningfulDescription, unaddressedChangeRequest } from '../../../src/review/policy/hygiene';
import { DAY, HOUR, NOW, pr, SETTINGS } from './fixtures';

const ids = (overrides: Parameters<typeof pr>[0], waitHours?: number, thresholds = SETTINGS.hygiene) =>
  hygieneFlags(pr(overrides), { now: NOW, waitHours, targetHours: 7, thresholds }).map((f) => f.id);

describe('hygieneFlags', () => {
  const cases: Array<[string, Parameters<typeof pr>[0], number | undefined, string[]]> = [
    ['a healthy PR', {}, 2, []],
    ['stale past the 7 h target', {}, 7.5, ['stale']],
    ['exactly at the target is not stale', {}, 7, []],
    ['too big', { additions: 380, deletions: 21 }, undefined, ['too-big']],
    ['400 lines is not too big', { additions: 380, deletions: 20 }, undefined, []],
    ['empty body', { body: '' }, undefined, ['no-description']],
    ['only a template comment', { body: '<!-- Describe your change -->\n' }, undefined, ['no-description']],
    ['says what, not why', { body: 'Rename the helper and move files around.' }, undefined, ['no-why']],
    ['links an issue', { body: 'Rename the helper. See #42' }, undefined, []],
    ['says "so that"', { body: 'Cache the token so that polling is cheaper.' }, undefined, []],
    ['names a need', { body: 'Refunds need an audit trail for finance.' }, undefined, []],
    ['names a failure', { body: 'Retried requests can fail twice; add a key.' }, undefined, []],
    ['no reviewers requested', { requestedReviewers: [] }, undefined, ['no-reviewers']],
    [
      'no reviewers but already reviewed',
      { requestedReviewers: [], reviews: [{ reviewer: 'bob', state: 'APPROVED', submittedAt: NOW }] },
      undefined,
      [],
    ],
    ['draft without reviewers is fine', { draft: true, requestedReviewers: [], updatedAt: NOW - DAY }, undefined, []],
    ['draft untouched for 14 days', { draft: true, updatedAt: NOW - 14 * DAY }, undefined, ['draft-untouched']],
    ['draft untouched for 13 days', { draft: true, updatedAt: NOW - 13 * DAY }, undefined, []],
    [
      'changes requested 3 days ago, no push',
      { reviews: [{ reviewer: 'bob', state: 'CHANGES_REQUESTED', submittedAt: NOW - 3 * DAY, commitId: 'sha-head' }], headSha: 'sha-head' },
      undefined,
      ['changes-requested-unaddressed'],
    ],
    [
      'changes requested 3 days ago, pushed since',
      { reviews: [{ reviewer: 'bob', state: 'CHANGES_REQUESTED', submittedAt: NOW - 3 * DAY, commitId: 'old' }], headSha: 'new' },
      undefined,
      [],
    ],
    [
      'changes requested 2 days ago, no push',
      { reviews: [{ reviewer: 'bob', state: 'CHANGES_REQUESTED', submittedAt: NOW - 2 * DAY, commitId: 'h' }], headSha: 'h' },
      undefined,
      [],
    ],
    ['several at once', { body: '', additions: 900, requestedReviewers: [] }, 30, ['stale', 'too-big', 'no-description', 'no-reviewers']],
  ];
  for (const [name, overrides, wait, expected] of cases) {
    it(name, () => assert.deepEqual(ids(overrides, wait), expected));
  }

  it('thresholds come from settings', () =>
    assert.deepEqual(ids({ additions: 120, deletions: 0 }, undefined, { ...SETTINGS.hygiene, tooBigLines: 100 }), ['too-big']));
});

describe('unaddressedChangeRequest', () => {
  const cases: Array<[string, Parameters<typeof pr>[0], number | undefined]> = [
    ['none', {}, undefined],
    [
      'later approval by the same reviewer clears it',
      {
        headSha: 'h',
        reviews: [
          { reviewer: 'bob', state: 'CHANGES_REQUESTED', submittedAt: 1, commitId: 'h' },
          { reviewer: 'bob', state: 'APPROVED', submittedAt: 2, commitId: 'h' },
        ],
      },
      undefined,
    ],
    [
      'a later comment does not clear it',
      {
        headSha: 'h',
        reviews: [
          { reviewer: 'bob', state: 'CHANGES_REQUESTED', submittedAt: 1, commitId: 'h' },
          { reviewer: 'bob', state: 'COMMENTED', submittedAt: 2, commitId: 'h' },
        ],
      },
      1,
    ],
    [
      'dismissed',
      {
        headSha: 'h',
        reviews: [
          { reviewer: 'bob', state: 'CHANGES_REQUESTED', submittedAt: 1, commitId: 'h' },
          { reviewer: 'bob', state: 'DISMISSED', submittedAt: 2, commitId: 'h' },
        ],
      },
      undefined,
    ],
    [
      'oldest of two reviewers',
      {
        headSha: 'h',
        reviews: [
          { reviewer: 'bob', state: 'CHANGES_REQUESTED', submittedAt: 5, commitId: 'h' },
          { reviewer: 'eve', state: 'CHANGES_REQUESTED', submittedAt: 3, commitId: 'h' },
        ],
      },
      3,
    ],
  ];
  for (const [name, overrides, expected] of cases) {
    it(name, () => assert.equal(unaddressedChangeRequest(pr(overrides)), expected));
  }
});

describe('meaningfulDescription and formatHours', () => {
  it('strips an unterminated template comment', () => assert.equal(meaningfulDescription('Hi <!-- rest'), 'Hi'));
  const hours: Array<[number, string]> = [
    [0.25, '15m'],
    [1, '1h'],
    [3.46, '3.5h'],
    [26.4, '26h'],
    [0, '0m'],
  ];
  for (const [h, text] of hours) it(`${h} → ${text}`, () => assert.equal(formatHours(h), text));
  it('HOUR constant sanity', () => assert.equal(HOUR, 3_600_000));
});
