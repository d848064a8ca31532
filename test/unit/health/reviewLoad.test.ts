import * as assert from 'node:assert/strict';
import { computeHealth } from '../../../src/health/model/report';
import { at, commit, HOUR, input, pr, review } from './fixtures';

const NOW = at(13, 20);
const opts = { now: NOW, weeks: 4, timeZone: 'UTC' };
const T = at(2, 9);

function reviewed() {
  const commits = [commit('base', { at: at(-60) })];
  const prs = [
    pr(1, {
      merge: 'm1',
      by: 'ann',
      firstCommitAt: T,
      mergedAt: T + 12 * HOUR,
      github: {
        author: 'ann',
        openedAt: T,
        reviews: [review('ben', T + 2 * HOUR), review('Ben', T + 5 * HOUR), review('cid', T + 10 * HOUR)],
      },
    }),
    pr(2, {
      merge: 'm2',
      by: 'ben',
      firstCommitAt: T,
      mergedAt: T + 6 * HOUR,
      github: {
        author: 'ben',
        openedAt: T,
        readyAt: T + 3 * HOUR,
        reviews: [review('ann', T + HOUR, 'COMMENTED'), review('ann', T + 4 * HOUR)],
      },
    }),
    pr(3, {
      merge: 'm3',
      by: 'cid',
      firstCommitAt: T,
      mergedAt: T + 6 * HOUR,
      github: {
        author: 'cid',
        openedAt: T,
        reviews: [review('ben', T + 4 * HOUR), review('cid', T + 5 * HOUR), review('renovate[bot]', T + HOUR)],
      },
    }),
    pr(4, { merge: 'm4', by: 'ann', firstCommitAt: T, mergedAt: T + 2 * HOUR, github: { author: 'ann', openedAt: T } }),
    pr(5, {
      merge: 'm5',
      by: 'bot',
      firstCommitAt: T,
      mergedAt: T + 2 * HOUR,
      github: { author: 'dependabot[bot]', openedAt: T, reviews: [review('ann', T + HOUR)] },
    }),
    pr(6, {
      merge: 'm6',
      by: 'ann',
      firstCommitAt: at(-40),
      mergedAt: at(-40),
      github: { author: 'ann', openedAt: at(-41), reviews: [review('ben', at(-40))] },
    }),
    pr(7, { merge: 'm7', by: 'cid', firstCommitAt: T, mergedAt: T + HOUR }),
  ];
  return input({ commits, pullRequests: prs, hasGitHubData: true });
}

describe('health review load', () => {
  const load = computeHealth(reviewed(), opts).reviewLoad;

  it('counts one review per person per PR, leaving out self-reviews and bots', () => {
    assert.equal(load.pullRequests, 4);
    assert.equal(load.reviewed, 3);
    assert.equal(load.reviews, 4);
    assert.deepEqual(load.excluded, { bots: 2, selfReviews: 1, noGitHubData: 1 });
  });

  it('shows who reviews whom alphabetically, never ranked', () => {
    assert.deepEqual(load.people, ['ann', 'ben', 'cid']);
    assert.deepEqual(
      load.pairs.map((p) => [p.reviewer, p.author, p.reviews]),
      [
        ['ann', 'ben', 1],
        ['ben', 'ann', 1],
        ['ben', 'cid', 1],
        ['cid', 'ann', 1],
      ],
    );
    assert.deepEqual(
      load.reviewers.map((r) => r.reviewer),
      ['ann', 'ben', 'cid'],
    );
  });

  it("gives the busiest reviewer's share and each reviewer's time to first review", () => {
    assert.ok(load.busiestShare.ok);
    assert.deepEqual(load.busiestShare.value, { reviewer: 'ben', reviews: 2, total: 4, share: 0.5, evenShare: 1 / 3 });
    const medians = load.reviewers.map((r) => (r.firstReviewHours.ok ? r.firstReviewHours.value.median : undefined));
    // ann reviewed the draft before it was ready: 0. ben: 2 h and 4 h. cid: 10 h.
    assert.deepEqual(medians, [0, 3, 10]);
    assert.ok(load.firstReviewHours.ok && load.firstReviewHours.value.median === 3);
  });

  it('without GitHub data it says why instead of showing numbers', () => {
    const none = computeHealth({ ...reviewed(), hasGitHubData: false }, opts).reviewLoad;
    assert.match(none.unavailable ?? '', /needs GitHub reviews/);
    assert.equal(none.busiestShare.ok, false);
    const empty = computeHealth({ ...reviewed(), pullRequests: [] }, opts).reviewLoad;
    assert.equal(empty.unavailable, 'no pull request was merged in this period');
  });
});
