import * as assert from 'node:assert/strict';
import { computeHealth } from '../../../src/health/model/report';
import { keyFigures } from '../../../src/health/policy/keyFigures';
import { at, commit, delivery, HOUR, input, pr, review } from './fixtures';

const NOW = at(13, 20); // Sunday 2025-03-16 20:00 UTC
const opts = { now: NOW, weeks: 4, timeZone: 'UTC' };

describe('health key figures (the Team Health view)', () => {
  it('groups the figures by family, each with a status, a verdict and why it matters', () => {
    const groups = keyFigures(computeHealth(delivery(), opts));
    assert.deepEqual(
      groups.map((g) => [g.id, g.figures.map((f) => f.id)]),
      [
        ['flow', ['cycle', 'release', 'prSize']],
        ['delivery', ['deploymentFrequency', 'leadTime', 'changeFailureRate', 'recoveryTime']],
        ['knowledge', ['truckFactor']], // no files in this history: one figure, saying why
        ['reviews', ['busiestShare']],
      ],
    );
    const delivery_ = groups[1].figures;
    // 7 releases in 27.83 days (see dora.test.ts): 1.76 a week, the high cluster.
    assert.deepEqual(
      [delivery_[0].value, delivery_[0].status, delivery_[0].verdict],
      ['1.8 / week', 'ok', '7 releases; High cluster (DORA 2024)'],
    );
    // 2 of 7 failed: nearest typical rate is the high cluster's 20%.
    assert.deepEqual([delivery_[2].value, delivery_[2].status], ['29%', 'ok']);
    for (const g of groups) {
      for (const f of g.figures) {
        assert.ok(f.why.length > 20 && f.why.length < 100, `${f.id}: one line on why it matters`);
        assert.ok(f.about.definition.length > 0);
      }
    }
  });

  it('says why a figure is missing instead of showing a number', () => {
    const groups = keyFigures(computeHealth(input({ commits: [commit('a', { at: at(-1) })] }), opts));
    const byId = new Map(groups.flatMap((g) => g.figures).map((f) => [f.id, f]));
    const df = byId.get('deploymentFrequency')!;
    assert.deepEqual([df.value, df.status], ['—', 'missing']);
    assert.match(df.verdict, /^Not enough data: this repository has no tags/);
    const reviews = byId.get('busiestShare')!;
    assert.match(reviews.verdict, /needs GitHub reviews/);
    assert.equal(groups[3].summary, 'needs GitHub reviews');
  });

  it('judges flow stages against the elite marks and the team targets', () => {
    const commits = [1, 2, 3].map((n) => commit(`m${n}`, { at: at(n, 12) }));
    const prs = [1, 2, 3].map((n) =>
      pr(n, {
        merge: `m${n}`,
        firstCommitAt: at(n, 0),
        mergedAt: at(n, 12),
        github: { openedAt: at(n, 1), author: 'ann', reviews: [review('ben', at(n, 9))] },
      }),
    );
    const report = computeHealth(input({ commits, pullRequests: prs, hasGitHubData: true }), {
      ...opts,
      now: at(6, 12),
      targets: { pickupHours: 4 },
    });
    const flow = keyFigures(report)[0].figures;
    const pickup = flow.find((f) => f.id === 'pickup')!;
    // Opened at 01:00, first review at 09:00: 8 h, above LinearB's 7 h and the team's 4 h.
    assert.deepEqual(
      [pickup.value, pickup.status, pickup.verdict],
      ['8 h', 'warn', 'median of 3 PRs, above the elite mark (7 h), above the team target (4 h)'],
    );
    const review_ = flow.find((f) => f.id === 'review')!;
    assert.deepEqual([review_.value, review_.status], ['3 h', 'ok']);
  });

  it('names the slowest pull requests above the cycle-time target, slowest first, three at most', () => {
    // Cycle times 10, 20, 60, 70, 80 and 90 h against the 48 h elite mark: four above it, three named.
    const hours = [10, 20, 60, 70, 80, 90];
    const commits = hours.map((_, i) => commit(`m${i}`, { at: at(8, 0) }));
    const prs = hours.map((h, i) =>
      pr(i + 1, {
        merge: `m${i}`,
        firstCommitAt: at(8, 0) - h * HOUR,
        mergedAt: at(8, 0),
        title: i === 5 ? '<b>Slow</b> one' : `PR ${i + 1}`,
      }),
    );
    const report = computeHealth(input({ commits, pullRequests: prs }), opts);
    assert.deepEqual(keyFigures(report)[0].pullRequests, [
      { number: 6, text: '#6 <b>Slow</b> one · cycle 3.8 d' },
      { number: 5, text: '#5 PR 5 · cycle 3.3 d' },
      { number: 4, text: '#4 PR 4 · cycle 2.9 d' },
    ]);
    // A team target moves the line: with 85 h only #6 is slower.
    const strict = computeHealth(input({ commits, pullRequests: prs }), { ...opts, targets: { cycleHours: 85 } });
    assert.deepEqual(
      keyFigures(strict)[0].pullRequests?.map((p) => p.number),
      [6],
    );
  });
});
