import * as assert from 'node:assert/strict';
import { CommitGraph, sortReleases } from '../../../src/health/model/graph';
import { computeHealth } from '../../../src/health/model/report';
import { at, commit, hex, HOUR, input, pr, review, revert, tag } from './fixtures';

// Every scenario is in the week of Monday 2025-03-03 (UTC) unless it says otherwise; "now" is the
// Sunday evening of the following week, so the 4-week period is 2025-02-17 … 2025-03-16.
const NOW = at(13, 20);
const opts = { now: NOW, weeks: 4, timeZone: 'UTC' };

/** A PR branch of two commits merged with a merge commit, and a tag on the merge. */
function mergedBranch() {
  const commits = [
    commit('base', { at: at(-30), files: [['README.md', 10, 0]] }),
    commit('b1', { parents: ['base'], by: 'ben', at: at(0, 9), files: [['src/a.ts', 40, 0]] }),
    commit('b2', { parents: ['b1'], by: 'ben', at: at(0, 15), files: [['src/a.ts', 20, 5]] }),
    commit('m1', { parents: ['base', 'b2'], at: at(1, 15), subject: 'Merge pull request #1 from o/feature' }),
  ];
  return commits;
}

describe('health flow', () => {
  it('from git alone: coding runs to the merge, pickup and review say they need GitHub', () => {
    const report = computeHealth(
      input({
        commits: mergedBranch(),
        pullRequests: [pr(1, { merge: 'm1', commits: ['b1', 'b2'], by: 'ben', firstCommitAt: at(0, 9), mergedAt: at(1, 15), lines: 65 })],
        releases: [tag('v1.0', 'm1', at(2, 1))],
      }),
      opts,
    );
    const flow = report.flow;
    assert.equal(flow.mode, 'git');
    assert.equal(flow.merged, 1);
    const row = flow.pullRequests[0];
    assert.equal(row.cycle, 30, '09:00 Monday → 15:00 Tuesday');
    assert.equal(row.coding, 30);
    assert.equal(row.release, 10, 'merge 15:00 → tag 01:00 next day');
    assert.equal(row.releaseName, 'v1.0');
    assert.equal(row.pickup, undefined);
    assert.equal(flow.stages.pickup.period.ok, false);
    assert.match((flow.stages.pickup.period as { reason: string }).reason, /needs GitHub data/);
    assert.equal(flow.stages.coding.period.ok, false, 'one PR is below the minimum of 3 for a period median');
    const week = flow.stages.coding.weekly[2];
    assert.ok(week.ok && week.value.median === 30, 'weekly medians need one value');
    assert.equal(flow.stages.coding.weekly[0].ok, false);
    assert.match((flow.stages.coding.weekly[0] as { reason: string }).reason, /in this week/);
  });

  it('with GitHub data: coding to ready (draft time is coding), pickup to the first review by someone else, review to merge', () => {
    const report = computeHealth(
      input({
        commits: mergedBranch(),
        hasGitHubData: true,
        pullRequests: [
          pr(1, {
            merge: 'm1',
            commits: ['b1', 'b2'],
            by: 'ben',
            firstCommitAt: at(0, 9),
            mergedAt: at(1, 15),
            github: {
              author: 'ben',
              openedAt: at(0, 14), // opened as a draft
              readyAt: at(0, 17),
              reviews: [
                review('ben', at(0, 18), 'COMMENTED'), // the author's own: not a review
                review('dependabot[bot]', at(0, 18), 'COMMENTED'), // a bot: not a review
                review('cid', at(0, 21), 'CHANGES_REQUESTED'),
                review('ann', at(1, 10)),
              ],
            },
          }),
        ],
      }),
      opts,
    );
    const row = report.flow.pullRequests[0];
    assert.deepEqual([row.coding, row.pickup, row.review, row.cycle], [8, 4, 18, 30]);
    assert.equal(row.release, undefined, 'no release yet');
    assert.equal(report.flow.excluded.unreleased, 1);
  });

  it('a review of the draft counts as picked up at once; stages always add up to the cycle time', () => {
    const report = computeHealth(
      input({
        commits: mergedBranch(),
        hasGitHubData: true,
        pullRequests: [
          pr(1, {
            merge: 'm1',
            by: 'ben',
            firstCommitAt: at(0, 9),
            mergedAt: at(1, 15),
            github: { author: 'ben', openedAt: at(0, 10), readyAt: at(1, 9), reviews: [review('cid', at(0, 12))] },
          }),
        ],
      }),
      opts,
    );
    const row = report.flow.pullRequests[0];
    assert.deepEqual([row.coding, row.pickup, row.review], [24, 0, 6]);
    assert.equal(row.coding! + row.pickup! + row.review!, row.cycle);
    assert.equal(report.flow.excluded.clockSkew, 0);
  });

  it('clock skew: a first commit dated after the PR opened gives 0 coding time, counted, and the stages still add up', () => {
    const report = computeHealth(
      input({
        commits: mergedBranch(),
        hasGitHubData: true,
        pullRequests: [
          pr(1, {
            merge: 'm1',
            by: 'ben',
            firstCommitAt: at(0, 12), // the author's clock was ahead
            mergedAt: at(1, 15),
            github: { author: 'ben', openedAt: at(0, 10), reviews: [review('cid', at(1, 11))] },
          }),
        ],
      }),
      opts,
    );
    const row = report.flow.pullRequests[0];
    assert.deepEqual([row.coding, row.pickup, row.review, row.cycle], [0, 23, 4, 27]);
    assert.equal(report.flow.excluded.clockSkew, 1);
  });

  it('leaves out bots and revert PRs, and counts PRs merged without review', () => {
    const commits = [
      commit('base', { at: at(-30) }),
      commit('s1', { parents: ['base'], at: at(0, 10), subject: 'Bump lodash (#2)', by: 'bot' }),
      commit('s2', { parents: ['s1'], at: at(0, 11), subject: 'Revert "Bump lodash (#2)" (#3)' }),
      commit('s3', { parents: ['s2'], at: at(0, 12), subject: 'Small fix (#4)' }),
    ];
    const report = computeHealth(
      input({
        commits,
        hasGitHubData: true,
        pullRequests: [
          pr(2, {
            merge: 's1',
            kind: 'squash',
            by: 'bot',
            firstCommitAt: at(0, 9),
            mergedAt: at(0, 10),
            github: { author: 'dependabot[bot]', openedAt: at(0, 9) },
          }),
          pr(3, {
            merge: 's2',
            kind: 'squash',
            title: 'Revert "Bump lodash"',
            firstCommitAt: at(0, 11),
            mergedAt: at(0, 11),
            github: { author: 'ann', openedAt: at(0, 11) },
          }),
          pr(4, {
            merge: 's3',
            kind: 'squash',
            firstCommitAt: at(0, 11),
            mergedAt: at(0, 12),
            github: { author: 'ann', openedAt: at(0, 11) },
          }),
        ],
      }),
      opts,
    );
    assert.deepEqual(
      report.flow.pullRequests.map((r) => r.number),
      [4],
    );
    assert.equal(report.flow.excluded.bots, 1);
    assert.equal(report.flow.excluded.reverts, 1);
    assert.equal(report.flow.excluded.unreviewed, 1);
    assert.equal(report.flow.pullRequests[0].pickup, undefined);
  });

  it('a squash PR whose squashed commits include a revert is not a revert PR: only a `Revert "…"` title is', () => {
    // microsoft/vscode-pull-request-github #8690: "Add telemetry for assignable users (#8690)", whose
    // squashed message lists a revert of one of its own commits ("This reverts commit 5d8a250…").
    const commits = [
      commit('base', { at: at(-30) }),
      commit('sq', { parents: ['base'], at: at(0, 12), subject: 'Add telemetry for assignable users (#8690)' }),
    ];
    const report = computeHealth(
      input({
        commits,
        reverts: [revert('sq', 'gone', at(0, 12))],
        pullRequests: [
          pr(8690, {
            merge: 'sq',
            kind: 'squash',
            title: 'Add telemetry for assignable users',
            firstCommitAt: at(0, 11),
            mergedAt: at(0, 12),
          }),
        ],
      }),
      opts,
    );
    assert.deepEqual(
      report.flow.pullRequests.map((r) => r.number),
      [8690],
    );
    assert.equal(report.flow.excluded.reverts, 0);
  });

  it('business-hours mode counts working time only (Friday 16:00 → Monday 10:00 is 2 hours)', () => {
    const friday = at(4, 16);
    const monday = at(7, 10);
    const commits = [commit('base', { at: at(-30) }), commit('s1', { parents: ['base'], at: monday + HOUR, subject: 'Thing (#9)' })];
    const report = computeHealth(
      input({
        commits,
        hasGitHubData: true,
        pullRequests: [
          pr(9, {
            merge: 's1',
            kind: 'squash',
            firstCommitAt: friday,
            mergedAt: monday + HOUR,
            github: { author: 'ann', openedAt: friday, reviews: [review('ben', monday)] },
          }),
        ],
      }),
      { ...opts, businessHours: { workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '17:00' }, timeZone: 'UTC' } },
    );
    const row = report.flow.pullRequests[0];
    assert.deepEqual([row.coding, row.pickup, row.review, row.cycle], [0, 2, 1, 3]);
    assert.equal(report.businessHours, true);
  });

  it('buckets PRs by merge week, and sizes them against the elite mark (< 225 lines) or the team target', () => {
    const commits = [commit('base', { at: at(-30) })];
    const prs = [
      [10, at(-7, 10), 30],
      [11, at(-6, 10), 224],
      [12, at(0, 10), 225],
      [13, at(1, 10), 600],
      [14, at(8, 10), 1200],
    ].map(([n, merged, lines], i) => {
      commits.push(commit(`s${n}`, { parents: [i === 0 ? 'base' : `s${n - 1}`], at: merged, subject: `Change (#${n})` }));
      return pr(n, { merge: `s${n}`, kind: 'squash', firstCommitAt: merged - 10 * HOUR, mergedAt: merged, lines });
    });
    const report = computeHealth(input({ commits, pullRequests: prs }), opts);
    assert.deepEqual(report.flow.weeklyMerged, [0, 2, 2, 1]);
    assert.deepEqual(
      report.flow.size.bins.map((b) => b.count),
      [1, 1, 1, 1, 1],
    );
    const under = report.flow.size.underMark;
    assert.ok(under.ok);
    assert.deepEqual(under.value, { count: 2, total: 5, share: 0.4, mark: 225 });
    assert.ok(report.flow.cycle.period.ok && report.flow.cycle.period.value.median === 10);
    const team = computeHealth(input({ commits, pullRequests: prs }), { ...opts, targets: { prSizeLines: 700 } }).flow.size.underMark;
    assert.ok(team.ok && team.value.count === 4 && team.value.mark === 700);
  });

  it('an empty period says so', () => {
    const report = computeHealth(input({ commits: [commit('base', { at: at(-60) })] }), opts);
    assert.equal(report.flow.merged, 0);
    assert.deepEqual(report.flow.cycle.period, { ok: false, reason: 'no merged pull requests in this period' });
    assert.deepEqual(report.flow.size.underMark, { ok: false, reason: 'no merged pull requests in this period' });
  });
});

describe('health release containment', () => {
  // main: r ─ a ─ m ─ c       side branch s1 ─ s2 merged at m; a release branch x1 never merged.
  const commits = [
    commit('r', { at: at(0) }),
    commit('a', { parents: ['r'], at: at(1) }),
    commit('s1', { parents: ['r'], at: at(1, 2) }),
    commit('s2', { parents: ['s1'], at: at(1, 3) }),
    commit('m', { parents: ['a', 's2'], at: at(2) }),
    commit('c', { parents: ['m'], at: at(3) }),
  ];

  it('a release contains its commit and every ancestor; each commit gets the earliest-dated release', () => {
    const graph = new CommitGraph(input({ commits }).commits);
    const releases = sortReleases([
      tag('v2', 'c', at(4)),
      tag('side', 's1', at(1, 5)), // a tag on the side branch, before it was merged
      tag('v1', 'm', at(2, 1)),
      tag('v1-again', 'm', at(2, 5)), // two tags on one commit: the earlier one ships it
      tag('branch-only', 'x1', at(2, 2)), // a commit outside the history contains nothing
    ]);
    const first = graph.firstReleases(releases);
    const name = (label: string) => {
      const r = first[graph.position(hex(label))!];
      return r < 0 ? undefined : releases[r].name;
    };
    assert.deepEqual(['r', 'a', 's1', 's2', 'm', 'c'].map(name), ['side', 'v1', 'side', 'v1', 'v1', 'v2']);
  });

  it('with no tags, nothing is released', () => {
    const graph = new CommitGraph(input({ commits }).commits);
    assert.ok(graph.firstReleases([]).every((r) => r === -1));
  });
});
