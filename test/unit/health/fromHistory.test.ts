import * as assert from 'node:assert/strict';
import { createHistoryModel } from '../../../src/git/model/historyModel';
import { fromHistory } from '../../../src/health/model/fromHistory';
import { computeHealth } from '../../../src/health/model/report';
import { commit, DAY, NOW, sha } from '../git/builders';
import { assertJsonSafe } from './fixtures';

/**
 * main: root ─ typo ─ M5 ─ S7 ─ M6 (octopus) ─ rv
 *   #5 merges a1 ─ a2; #6 merges b1 and c1 in one octopus merge; #7 is a squash; "Fix typo" is a
 *   direct commit with no PR number; #8 merges a branch whose commits were force-pushed away.
 */
function history() {
  const commits = [
    commit('rv', { parents: ['M8'], daysAgo: 1, subject: 'Revert "Squashed (#7)"', revertOf: sha('S7') }),
    commit('M8', { parents: ['M6', 'gone'], daysAgo: 2, subject: 'Merge pull request #8 from o/rewritten' }),
    commit('M6', { parents: ['S7', 'b1', 'c1'], daysAgo: 3, subject: 'Merge pull request #6 from o/octopus' }),
    commit('c1', { parents: ['S7'], daysAgo: 4, email: 'cid@x.io', files: [['src/c.ts', 5, 0]] }),
    commit('b1', { parents: ['S7'], daysAgo: 5, email: 'ben@x.io', files: [['src/b.ts', 7, 0]] }),
    commit('S7', { parents: ['M5'], daysAgo: 6, subject: 'Squashed (#7)', files: [['src/s.ts', 30, 3]] }),
    commit('M5', { parents: ['typo', 'a2'], daysAgo: 7, subject: 'Merge pull request #5 from o/feature' }),
    commit('a2', { parents: ['a1'], daysAgo: 8, email: 'ben@x.io', files: [['src/a.ts', 20, 0]] }),
    commit('a1', { parents: ['root'], daysAgo: 9, email: 'ben@x.io', files: [['src/a.ts', 10, 0]] }),
    commit('typo', { parents: ['root'], daysAgo: 9.5, subject: 'Fix typo', files: [['README.md', 1, 1]] }),
    commit('root', { daysAgo: 20, files: [['README.md', 3, 0]] }),
  ];
  return createHistoryModel(
    {
      repoRoot: '/ws/repo',
      tip: sha('rv'),
      shallow: false,
      commits,
      releases: [{ tag: 'v1.0', commit: sha('M6'), date: NOW - 2.5 * DAY, annotated: true }],
      skippedTags: [{ tag: 'signing-key', type: 'blob' }],
      readAt: NOW,
    },
    { halfLifeDays: 90 },
  );
}

describe('health input from the git engine', () => {
  const model = history();

  it("lists each PR's own commits: merge branches, every branch of an octopus, the squash commit", () => {
    const input = fromHistory(model);
    const byNumber = new Map(input.pullRequests.map((p) => [p.number, p]));
    assert.deepEqual([...byNumber.keys()].sort(), [5, 6, 7, 8]);
    assert.deepEqual([...byNumber.get(5)!.commits].sort(), [sha('a1'), sha('a2')].sort());
    assert.deepEqual([...byNumber.get(6)!.commits].sort(), [sha('b1'), sha('c1')].sort());
    assert.deepEqual(byNumber.get(7)!.commits, [sha('S7')]);
    assert.deepEqual(byNumber.get(8)!.commits, [], 'the branch was force-pushed away: nothing to list, nothing breaks');
    assert.equal(byNumber.get(5)!.authorName, 'ben');
    assert.equal(input.commits, model.commits, 'commits are passed through, not copied');
    assert.deepEqual(input.releases, [{ name: 'v1.0', commit: sha('M6'), date: NOW - 2.5 * DAY, source: 'tag' }]);
    assert.deepEqual(input.tagsNotCommits, ['signing-key'], 'a tag of a blob is no release, but it is named');
    assert.deepEqual(input.reverts, [{ revertCommit: sha('rv'), revertedCommit: sha('S7'), revertedAt: NOW - DAY }]);
    assert.equal(input.hasGitHubData, false);
  });

  it('keeps every commit of a rebase-merged PR, as the engine lists them', () => {
    const rebased = createHistoryModel(
      {
        repoRoot: '/ws/repo',
        tip: sha('r2'),
        shallow: false,
        commits: [
          commit('r2', {
            parents: ['r1'],
            daysAgo: 1,
            email: 'ben@x.io',
            name: 'Ben',
            subject: 'Use it (#9)',
            files: [['src/b.ts', 4, 1]],
          }),
          commit('r1', {
            parents: ['base'],
            daysAgo: 2,
            email: 'ben@x.io',
            name: 'Ben',
            subject: 'Add it (#9)',
            files: [['src/b.ts', 10, 0]],
          }),
          commit('base', { daysAgo: 10, files: [['README.md', 3, 0]] }),
        ],
        releases: [],
        readAt: NOW,
      },
      { halfLifeDays: 90 },
    );
    const [pr] = fromHistory(rebased).pullRequests;
    assert.equal(pr.number, 9);
    assert.equal(pr.kind, 'rebase');
    assert.deepEqual([...pr.commits].sort(), [sha('r1'), sha('r2')].sort());
    assert.equal(pr.mergeCommit, sha('r2'));
    assert.equal(pr.firstCommitAt, NOW - 2 * DAY);
    assert.equal(pr.authorName, 'Ben');
  });

  it('takes GitHub data where given: earlier first commit, the diff size', () => {
    const github = new Map([
      [7, { author: 'ann', openedAt: NOW - 7 * DAY, wasDraft: false, reviews: [], firstCommitAt: NOW - 8 * DAY, linesChanged: 12 }],
    ]);
    const input = fromHistory(model, { github });
    const squash = input.pullRequests.find((p) => p.number === 7)!;
    assert.equal(squash.firstCommitAt, NOW - 8 * DAY);
    assert.equal(squash.linesChanged, 12);
    assert.equal(input.hasGitHubData, true);
  });

  it('a whole report from it: the direct commit without a PR number ships but is no PR; the squash PR failed v1.0', () => {
    const report = computeHealth(fromHistory(model), { now: NOW, weeks: 4, timeZone: 'UTC', minSample: 1 });
    assert.deepEqual(
      report.flow.pullRequests.map((p) => p.number),
      [8, 6, 7, 5],
    );
    assert.ok(report.dora.leadTime.ok);
    // Released by v1.0: typo, a1, a2, S7, b1, c1 (merges are not changes; root is 20 days old, also shipped).
    assert.equal(report.dora.leadTime.value.hours.n, 7);
    assert.deepEqual(
      report.dora.failures.map((f) => [f.release, f.cause, f.recoveredBy]),
      [['v1.0', 'revert', undefined]],
    );
    assertJsonSafe(report);
    assert.deepEqual(JSON.parse(JSON.stringify(report)).flow.merged, 4);
  });
});
