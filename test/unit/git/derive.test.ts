import * as assert from 'node:assert/strict';
import { OwnershipIndex, isBotAuthor } from '../../../src/git/model/derive/ownership';
import { inferPullRequests } from '../../../src/git/model/derive/pullRequests';
import { parseTags } from '../../../src/git/model/derive/releases';
import { mergeNewestFirst } from '../../../src/git/source/historyReader';
import { findReverts } from '../../../src/git/model/derive/reverts';
import { DAY, NOW, commit, sha } from './builders';

describe('ownership', () => {
  const history = [
    commit('c4', { parents: ['c3'], email: 'bea@x.io', daysAgo: 1, files: [['src/api/a.ts', 10, 2]] }),
    commit('c3', {
      parents: ['c2'],
      email: 'ann@x.io',
      daysAgo: 200,
      files: [
        ['src/api/a.ts', 300, 0],
        ['src/ui/v.ts', 5, 5],
      ],
    }),
    commit('c2', {
      parents: ['c1'],
      email: 'Ann@X.io',
      name: 'Ann Old',
      daysAgo: 400,
      files: [
        ['src/api/b.ts', 50, 0],
        ['logo.png', null, null],
      ],
    }),
    commit('c1', { email: 'dependabot[bot]@users.noreply.github.com', name: 'dependabot[bot]', files: [['src/api/a.ts', 1, 1]] }),
  ];
  const index = new OwnershipIndex(history, { halfLifeDays: 90, now: NOW });

  it('ranks a recent small change above an old large one (recency-weighted)', () => {
    const owners = index.ownersOf(['src/api/a.ts']);
    assert.deepEqual(
      owners.map((o) => o.email),
      ['bea@x.io', 'ann@x.io'],
    );
    assert.ok(Math.abs(owners.reduce((s, o) => s + o.weight, 0) - 1) < 1e-9);
    assert.equal(owners[1].linesChanged, 300);
  });

  it('covers folders, merges e-mail case and keeps the newest name', () => {
    const owners = index.ownersOf(['src/api']);
    const ann = owners.find((o) => o.email === 'ann@x.io')!;
    assert.equal(ann.commits, 2);
    assert.equal(ann.linesChanged, 350);
    assert.equal(ann.name, 'ann');
    assert.equal(ann.lastChangedAt, NOW - 200 * DAY);
  });

  it('treats folder prefixes by whole segments, and "" or "." as the repository', () => {
    assert.deepEqual(index.ownersOf(['src/ap']), []);
    assert.deepEqual(
      index.ownersOf(['src/api/']).map((o) => o.email),
      index.ownersOf(['src/api']).map((o) => o.email),
    );
    assert.equal(index.ownersOf(['']).length, 2);
    assert.deepEqual(index.ownersOf(['.']), index.ownersOf(['']));
  });

  it('leaves bots and merge commits out, counts binary files as zero lines', () => {
    const all = index.ownersOf(['']);
    assert.ok(all.every((o) => !o.email.includes('[bot]')));
    assert.equal(index.ownersOf(['logo.png'])[0].linesChanged, 0);
    const withMerge = new OwnershipIndex([commit('m', { parents: ['a', 'b'], email: 'merger@x.io', files: [['x', 9, 9]] })], {
      halfLifeDays: 90,
      now: NOW,
    });
    assert.deepEqual(withMerge.ownersOf(['x']), []);
  });

  it('changes its mind with the half-life', () => {
    const long = new OwnershipIndex(history, { halfLifeDays: 100_000, now: NOW });
    assert.equal(long.ownersOf(['src/api/a.ts'])[0].email, 'ann@x.io', 'without decay the big change wins');
  });

  it('recognises bots by name or e-mail', () => {
    const table: [string, string, boolean][] = [
      ['dependabot[bot]', 'x@y', true],
      ['Renovate', '29139614+renovate[bot]@users.noreply.github.com', true],
      ['Bo Bot', 'bo@x.io', false],
    ];
    for (const [name, email, bot] of table) assert.equal(isBotAuthor(name, email), bot, name);
  });
});

describe('pull requests from history', () => {
  // main: m0 ← s1(squash #7) ← M(merge #12 of f1,f2) ← M2 (not a PR merge)
  //                    ↖ f1 ← f2 (branch off m0, includes a merge of main into the branch)
  const history = [
    commit('M', { parents: ['s1', 'f3'], subject: 'Merge pull request #12 from bob/feature', body: 'Add the feature\n\nmore', daysAgo: 1 }),
    commit('f3', { parents: ['f2', 's1'], email: 'bob@x.io', subject: "Merge branch 'main' into feature", daysAgo: 2 }),
    commit('f2', { parents: ['f1'], email: 'bob@x.io', daysAgo: 3, files: [['a', 5, 1]] }),
    commit('f1', { parents: ['m0'], email: 'bob@x.io', daysAgo: 6, files: [['b', 3, 0]] }),
    commit('s1', { parents: ['m0'], email: 'cy@x.io', subject: 'Fix login (#7)', daysAgo: 4, files: [['c', 2, 2]] }),
    commit('m0', { daysAgo: 10 }),
  ];

  it('infers a GitHub merge with its branch commits, first-commit time and size', () => {
    const pr = inferPullRequests(history).find((p) => p.number === 12)!;
    assert.equal(pr.kind, 'merge');
    assert.equal(pr.sourceBranch, 'bob/feature');
    assert.equal(pr.title, 'Add the feature');
    assert.equal(pr.commitCount, 2, 'the merge of main into the branch is not PR work');
    assert.equal(pr.firstCommitAt, NOW - 6 * DAY);
    assert.equal(pr.mergedAt, NOW - DAY);
    assert.equal(pr.linesChanged, 9);
    assert.equal(pr.authorEmail, 'bob@x.io');
  });

  it('infers a squash merge from "Subject (#N)"', () => {
    const pr = inferPullRequests(history).find((p) => p.number === 7)!;
    assert.deepEqual([pr.kind, pr.title, pr.commitCount, pr.linesChanged, pr.mergeCommit], ['squash', 'Fix login', 1, 4, sha('s1')]);
  });

  it('does not mistake a revert of a squash for the PR itself, and lists newest first', () => {
    const withRevert = [
      commit('r', { parents: ['M'], subject: 'Revert "Fix login (#7)"', body: `This reverts commit ${sha('s1')}.` }),
      ...history,
    ];
    const prs = inferPullRequests(withRevert);
    assert.deepEqual(
      prs.map((p) => [p.number, p.mergeCommit]),
      [
        [12, sha('M')],
        [7, sha('s1')],
      ],
    );
  });

  it('finds nothing in an empty history or in plain commits', () => {
    assert.deepEqual(inferPullRequests([]), []);
    assert.deepEqual(inferPullRequests([commit('x', { subject: 'Merge pull request #3 from a/b' })]), [], 'one parent: not a merge');
  });
});

describe('reverts', () => {
  const history = [
    commit('rr', { parents: ['r'], subject: 'Revert "Revert "Add search""', body: `This reverts commit ${sha('r')}.`, daysAgo: 1 }),
    commit('r', { parents: ['s'], subject: 'Revert "Add search"', body: `This reverts commit ${sha('s')}.\n\nbroke prod`, daysAgo: 3 }),
    commit('s', { parents: ['o'], subject: 'Add search', daysAgo: 5 }),
    commit('short', { parents: ['o'], subject: 'Revert by hand', body: `This reverts commit ${sha('o').slice(0, 10)}.` }),
    commit('o', { daysAgo: 9 }),
  ];
  const reverts = findReverts(history);

  it('measures time to revert and flags a revert of a revert', () => {
    const table: [string, string, number, boolean][] = [
      ['rr', 'r', 2 * DAY, true],
      ['r', 's', 2 * DAY, false],
      ['short', 'o', 9 * DAY, false],
    ];
    for (const [revert, target, ttr, twice] of table) {
      const found = reverts.find((r) => r.revertCommit === sha(revert))!;
      assert.equal(found.revertedCommit, sha(target), revert);
      assert.equal(found.timeToRevertMs, ttr, revert);
      assert.equal(found.revertOfRevert, twice, revert);
    }
  });

  it('keeps a revert whose target is outside the read history, without a time', () => {
    const [only] = findReverts([commit('x', { body: `This reverts commit ${'e'.repeat(40)}.` })]);
    assert.equal(only.revertedCommit, 'e'.repeat(40));
    assert.equal(only.timeToRevertMs, undefined);
  });
});

describe('releases from tags', () => {
  it('reads lightweight and annotated tags, peels, skips non-commits, newest first', () => {
    const line = (...f: string[]) => f.join('\0');
    const output = [
      line('v1.0', 'commit', 'a'.repeat(40), '', '', '1700000000'),
      line('v1.1', 'tag', 't'.repeat(40), 'commit', 'b'.repeat(40), '1700003600'),
      line('tree-tag', 'tag', 'u'.repeat(40), 'tree', 'c'.repeat(40), '1700009999'),
      line('blob', 'blob', 'd'.repeat(40), '', '', '1700009999'),
      '',
    ].join('\n');
    assert.deepEqual(parseTags(output), [
      { tag: 'v1.1', commit: 'b'.repeat(40), date: 1_700_003_600_000, annotated: true },
      { tag: 'v1.0', commit: 'a'.repeat(40), date: 1_700_000_000_000, annotated: false },
    ]);
  });
});

describe('merging new commits into cached history', () => {
  const at = (label: string, daysAgo: number) => commit(label, { daysAgo });

  it('prepends newer commits, sorts when an older branch is merged in, and caps the length', () => {
    const cached = [at('b', 2), at('a', 4)];
    const table: [string, ReturnType<typeof at>[], number | undefined, string[]][] = [
      ['fast-forward', [at('d', 0), at('c', 1)], undefined, ['d', 'c', 'b', 'a']],
      ['old branch merged', [at('m', 0), at('old', 3)], undefined, ['m', 'b', 'old', 'a']],
      ['nothing new', [], undefined, ['b', 'a']],
      ['capped', [at('c', 1)], 2, ['c', 'b']],
    ];
    for (const [name, added, max, expected] of table) {
      assert.deepEqual(
        mergeNewestFirst(added, cached, max).map((c) => c.subject),
        expected,
        name,
      );
    }
  });
});
