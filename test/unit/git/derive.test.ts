import * as assert from 'node:assert/strict';
import { OwnershipIndex, isBotAuthor } from '../../../src/git/model/derive/ownership';
import { inferPullRequests } from '../../../src/git/model/derive/pullRequests';
import { authorStats } from '../../../src/git/model/derive/authors';
import { parseTags, peelInput, resolveNested } from '../../../src/git/model/derive/releases';
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

  it('counts a commit touching 5 files as 1 commit in a folder, and exposes files and lines separately', () => {
    const five = new OwnershipIndex(
      [
        commit('wide', {
          parents: ['one'],
          email: 'li@x.io',
          name: 'Li Wei',
          daysAgo: 1,
          files: [1, 2, 3, 4, 5].map((n): [string, number, number] => [`src/f${n}.ts`, n, 1]),
        }),
        commit('one', { parents: ['base'], email: 'li@x.io', name: 'Li Wei', daysAgo: 2, files: [['src/f1.ts', 2, 0]] }),
        commit('base', {
          email: 'mo@x.io',
          daysAgo: 3,
          files: [
            ['src/f2.ts', 7, 0],
            ['README', 1, 0],
          ],
        }),
      ],
      { halfLifeDays: 90, now: NOW },
    );
    const table: [string[], string, number, number, number][] = [
      [['src'], 'li@x.io', 2, 5, 15 + 5 + 2],
      [['src'], 'mo@x.io', 1, 1, 7],
      [['src/f1.ts', 'src/f2.ts'], 'li@x.io', 2, 2, 2 + 3 + 2],
      [['src/f1.ts'], 'li@x.io', 2, 1, 2 + 2],
      [[''], 'mo@x.io', 1, 2, 8],
    ];
    for (const [paths, email, commits, files, lines] of table) {
      const owner = five.ownersOf(paths).find((o) => o.email === email)!;
      assert.deepEqual([owner.commits, owner.files, owner.linesChanged], [commits, files, lines], `${paths.join(',')} ${email}`);
    }
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
    commit('M', { parents: ['s1', 'f3'], subject: 'Merge pull request #12 from bob/feature', prTitle: 'Add the feature', daysAgo: 1 }),
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
    assert.deepEqual(pr.commits, [sha('f2'), sha('f1')], 'the merge of main into the branch is not PR work');
    assert.equal(pr.commitCount, 2);
    assert.equal(pr.firstCommitAt, NOW - 6 * DAY);
    assert.equal(pr.mergedAt, NOW - DAY);
    assert.equal(pr.linesChanged, 9);
    assert.equal(pr.authorEmail, 'bob@x.io');
  });

  it("counts exactly git log M^1..M^2: main's merged side branches that reach the PR branch are not its commits", () => {
    // main: m0 ← G(merge #10 of g1) ← H(merge #11 of h1, whose branch merged main at G)
    //          ↖ g1 ↗      ↖ h0 ← hm(merge of main = G) ← h1
    const graph = [
      commit('H', { parents: ['G', 'h1'], subject: 'Merge pull request #11 from bo/h', daysAgo: 1 }),
      commit('h1', { parents: ['hm'], email: 'bo@x.io', daysAgo: 2, files: [['h', 1, 0]] }),
      commit('hm', { parents: ['h0', 'G'], email: 'bo@x.io', subject: "Merge branch 'main' into h", daysAgo: 3 }),
      commit('G', { parents: ['m0', 'g1'], subject: 'Merge pull request #10 from cy/g', daysAgo: 4 }),
      commit('g1', { parents: ['m0'], email: 'cy@x.io', daysAgo: 5, files: [['g', 4, 0]] }),
      commit('h0', { parents: ['m0'], email: 'bo@x.io', daysAgo: 6, files: [['h', 2, 0]] }),
      commit('m0', { daysAgo: 9 }),
    ];
    const prs = inferPullRequests(graph);
    const commitsOf = (n: number) => prs.find((p) => p.number === n)!.commits;
    assert.deepEqual(commitsOf(11), [sha('h1'), sha('h0')], 'g1 came with main, not with PR #11');
    assert.deepEqual(commitsOf(10), [sha('g1')]);
  });

  it('infers a squash merge from "Subject (#N)"', () => {
    const pr = inferPullRequests(history).find((p) => p.number === 7)!;
    assert.deepEqual([pr.kind, pr.title, pr.commitCount, pr.linesChanged, pr.mergeCommit], ['squash', 'Fix login', 1, 4, sha('s1')]);
    assert.deepEqual(pr.commits, [sha('s1')]);
  });

  it('groups a rebase-merged PR of 3 commits carrying the same (#N) into one PR', () => {
    const rebased = [
      commit('r3', { parents: ['r2'], email: 'di@x.io', subject: 'Document the API (#40)', daysAgo: 1, files: [['doc.md', 10, 0]] }),
      commit('r2', { parents: ['r1'], email: 'ed@x.io', subject: 'Add the API (#40)', daysAgo: 2, files: [['api.ts', 20, 5]] }),
      commit('r1', {
        parents: ['p'],
        email: 'di@x.io',
        subject: 'Prepare the API (#40)',
        daysAgo: 3,
        files: [
          ['a.ts', 1, 1],
          ['b.ts', 2, 0],
        ],
      }),
      commit('p', { parents: ['o'], subject: 'Unrelated (#39)', daysAgo: 4, files: [['c.ts', 1, 0]] }),
      commit('o', { daysAgo: 5 }),
    ];
    const prs = inferPullRequests(rebased);
    assert.deepEqual(
      prs.map((p) => [p.number, p.kind, p.commitCount]),
      [
        [40, 'rebase', 3],
        [39, 'squash', 1],
      ],
    );
    const [pr] = prs;
    assert.deepEqual(pr.commits, [sha('r3'), sha('r2'), sha('r1')]);
    assert.equal(pr.mergeCommit, sha('r3'), 'the newest of its commits');
    assert.equal(pr.linesChanged, 10 + 25 + 4);
    assert.equal(pr.firstCommitAt, NOW - 3 * DAY);
    assert.equal(pr.mergedAt, NOW - DAY);
    assert.equal(pr.title, 'Prepare the API', "the oldest commit's subject");
    assert.equal(pr.authorEmail, 'di@x.io', 'the author of most of its commits');
  });

  it("counts a PR author's commits case-insensitively by e-mail, as a person is counted everywhere", () => {
    const prs = inferPullRequests([
      commit('s3', { parents: ['s2'], email: 'ben@x.io', subject: 'Wire it (#41)', daysAgo: 1 }),
      commit('s2', { parents: ['s1'], email: 'Ann@X.io', subject: 'Test it (#41)', daysAgo: 2 }),
      commit('s1', { parents: ['s0'], email: 'ben@x.io', subject: 'Add it (#41)', daysAgo: 3 }),
      commit('s0', { parents: ['base'], email: 'ann@x.io', subject: 'Plan it (#41)', daysAgo: 4 }),
      commit('base', { parents: ['root'], email: 'ann@x.io', daysAgo: 5 }),
      commit('root', { daysAgo: 6 }),
    ]);
    // Ann 2 (two spellings) and Ben 2: a tie goes to the newest commit's author.
    assert.equal(prs[0].authorEmail, 'ben@x.io');
    const folded = inferPullRequests([
      commit('t3', { parents: ['t2'], email: 'ben@x.io', subject: 'Wire it (#42)', daysAgo: 1 }),
      commit('t2', { parents: ['t1'], email: 'Ann@X.io', subject: 'Test it (#42)', daysAgo: 2 }),
      commit('t1', { parents: ['base'], email: 'ann@x.io', subject: 'Add it (#42)', daysAgo: 3 }),
      commit('base', { parents: ['root'], email: 'ann@x.io', daysAgo: 5 }),
      commit('root', { daysAgo: 6 }),
    ]);
    assert.equal(folded[0].authorEmail.toLowerCase(), 'ann@x.io', 'Ann made two of three commits, under two spellings');
  });

  it('invents no PR from patch-series "(#2)" subjects before the first real PR, or off the mainline', () => {
    const old = (daysAgo: number) => daysAgo;
    const at2005 = (NOW - Date.UTC(2005, 5, 1)) / DAY;
    const series = [
      commit('P', { parents: ['q', 'x2'], subject: 'Merge pull request #3 from cy/real', daysAgo: old(1) }),
      commit('x2', { parents: ['q'], email: 'cy@x.io', subject: 'Speed up diff (#2)', daysAgo: 2, files: [['d.c', 3, 0]] }),
      commit('q', { parents: ['a2'], subject: 'Real squash (#4)', daysAgo: 3, files: [['e.c', 1, 0]] }),
      commit('a2', { parents: ['a1'], subject: 'Log message printout cleanups (#2)', daysAgo: at2005, files: [['log.c', 5, 5]] }),
      commit('a1', { parents: [], subject: 'combine-diff: diff-files fix (#2)', daysAgo: at2005 + 1, files: [['diff.c', 1, 1]] }),
    ];
    const prs = inferPullRequests(series);
    assert.deepEqual(
      prs.map((p) => [p.number, p.kind, p.commits.length]),
      [
        [3, 'merge', 1],
        [4, 'squash', 1],
      ],
      '(#2) of 2005 is older than any PR, and x2 came through the merge of #3 (it is its commit)',
    );
  });

  it("keeps a squash-merged revert as a PR, and a merge PR's number wins over a later (#N) mention", () => {
    const withRevert = [
      commit('r2', { parents: ['r'], subject: 'Follow-up to (#12)', daysAgo: 0 }),
      commit('r', { parents: ['M'], subject: 'Revert "Fix login (#7)" (#13)', revertOf: sha('s1'), daysAgo: 0.5 }),
      ...history,
    ];
    const prs = inferPullRequests(withRevert);
    assert.deepEqual(
      prs.map((p) => [p.number, p.kind, p.mergeCommit]),
      [
        [13, 'squash', sha('r')],
        [12, 'merge', sha('M')],
        [7, 'squash', sha('s1')],
      ],
    );
  });

  it('finds nothing in an empty history or in plain commits', () => {
    assert.deepEqual(inferPullRequests([]), []);
    assert.deepEqual(inferPullRequests([commit('x', { subject: 'Merge pull request #3 from a/b' })]), [], 'one parent: not a merge');
  });
});

describe('commits per author', () => {
  it('counts every commit once per person (merges included), by e-mail whatever its case, bots left out', () => {
    const history = [
      commit('m', { parents: ['b', 'c'], email: 'Ann@X.io', name: 'Ann New', daysAgo: 1 }),
      commit('c', { parents: ['a'], email: 'bob@x.io', daysAgo: 2, files: [['x', 1, 0]] }),
      commit('b', {
        parents: ['a'],
        email: 'ann@x.io',
        name: 'Ann',
        daysAgo: 3,
        files: [
          ['y', 1, 0],
          ['z', 1, 0],
          ['w', 1, 0],
        ],
      }),
      commit('a', { email: 'renovate[bot]@users.noreply.github.com', name: 'renovate[bot]', daysAgo: 4 }),
    ];
    assert.deepEqual(authorStats(history), [
      { email: 'ann@x.io', name: 'Ann New', commits: 2, merges: 1, firstCommitAt: NOW - 3 * DAY, lastCommitAt: NOW - DAY },
      { email: 'bob@x.io', name: 'bob', commits: 1, merges: 0, firstCommitAt: NOW - 2 * DAY, lastCommitAt: NOW - 2 * DAY },
    ]);
  });
});

describe('reverts', () => {
  const history = [
    commit('rr', { parents: ['r'], subject: 'Revert "Revert "Add search""', revertOf: sha('r'), daysAgo: 1 }),
    commit('r', { parents: ['s'], subject: 'Revert "Add search"', revertOf: sha('s'), daysAgo: 3 }),
    commit('s', { parents: ['o'], subject: 'Add search', daysAgo: 5 }),
    commit('short', { parents: ['o'], subject: 'Revert by hand', revertOf: sha('o').slice(0, 10) }),
    commit('o', { daysAgo: 9 }),
  ];
  const reverts = findReverts(history);

  it('measures time to revert and flags a revert of a revert', () => {
    const table: [string, string, number, boolean][] = [
      ['rr', 'r', 2 * DAY, true],
      ['r', 's', 2 * DAY, false],
      ['short', 'o', 9 * DAY, false],
    ];
    assert.equal(reverts.length, table.length);
    for (const [revert, target, ttr, twice] of table) {
      const found = reverts.find((r) => r.revertCommit === sha(revert))!;
      assert.equal(found.revertedCommit, sha(target), revert);
      assert.equal(found.timeToRevertMs, ttr, revert);
      assert.equal(found.revertOfRevert, twice, revert);
    }
  });

  it('keeps a revert whose target is outside the read history, without a time', () => {
    const [only] = findReverts([commit('x', { revertOf: 'e'.repeat(40) })]);
    assert.equal(only.revertedCommit, 'e'.repeat(40));
    assert.equal(only.timeToRevertMs, undefined);
  });
});

describe('releases from tags', () => {
  const line = (...f: string[]) => f.join('\0');
  const output = [
    line('v1.0', 'commit', 'a'.repeat(40), '', '', '1700000000'),
    line('v1.1', 'tag', 't'.repeat(40), 'commit', 'b'.repeat(40), '1700003600'),
    line('v1.0rc1', 'tag', '1'.repeat(40), 'tag', '2'.repeat(40), '1600000000'),
    line('tree-tag', 'tag', '3'.repeat(40), 'tree', 'c'.repeat(40), '1700009999'),
    line('gpg-key', 'blob', 'd'.repeat(40), '', '', '1700009999'),
    line('tag-of-tag-of-tree', 'tag', '4'.repeat(40), 'tag', '5'.repeat(40), '1700009999'),
    '',
  ].join('\n');

  it('reads lightweight and annotated tags, peels, skips non-commits and reports them, newest first', () => {
    const parsed = parseTags(output);
    assert.deepEqual(parsed.releases, [
      { tag: 'v1.1', commit: 'b'.repeat(40), date: 1_700_003_600_000, annotated: true },
      { tag: 'v1.0', commit: 'a'.repeat(40), date: 1_700_000_000_000, annotated: false },
    ]);
    assert.deepEqual(parsed.skipped, [
      { tag: 'tree-tag', type: 'tree' },
      { tag: 'gpg-key', type: 'blob' },
    ]);
    assert.deepEqual(
      parsed.nested.map((n) => n.tag),
      ['v1.0rc1', 'tag-of-tag-of-tree'],
    );
    assert.equal(peelInput(parsed), `${'1'.repeat(40)}^{}\n${'4'.repeat(40)}^{}\n`);
  });

  it('resolves a tag of a tag of a commit to the commit, and a tag of a tag of a tree to "skipped"', () => {
    const resolved = resolveNested(parseTags(output), `${'e'.repeat(40)} commit\n${'f'.repeat(40)} tree\n`);
    assert.deepEqual(
      resolved.releases.map((r) => [r.tag, r.commit, r.annotated]),
      [
        ['v1.1', 'b'.repeat(40), true],
        ['v1.0', 'a'.repeat(40), false],
        ['v1.0rc1', 'e'.repeat(40), true],
      ],
    );
    assert.deepEqual(
      resolved.skipped.map((t) => `${t.tag}:${t.type}`),
      ['tree-tag:tree', 'gpg-key:blob', 'tag-of-tag-of-tree:tree'],
    );
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
