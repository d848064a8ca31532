import * as assert from 'node:assert/strict';
import { CommitIndex } from '../../../src/git/model/derive/commitIndex';
import { Interner } from '../../../src/git/model/intern';
import { decodeCommit, encodeCommit } from '../../../src/git/source/historyStore';
import { commit, sha } from './builders';

describe('shared commit index', () => {
  // Newest first: M merges f1 into m1; m0 is the root.
  const history = [
    commit('M', { parents: ['m1', 'f1'] }),
    commit('f1', { parents: ['m0'] }),
    commit('m1', { parents: ['m0'] }),
    commit('m0'),
  ];
  const index = new CommitIndex(history);

  it('finds commits by full id and by an unambiguous prefix only', () => {
    for (const label of ['M', 'f1', 'm1', 'm0']) assert.equal(index.get(sha(label))?.subject, label);
    assert.equal(index.get(sha('zz')), undefined);
    assert.equal(index.resolve(sha('f1').slice(0, 8))?.subject, 'f1');
    assert.equal(index.resolve(sha('m').slice(0, 2)), undefined, '"6d" starts both m1 and m0: ambiguous');
    assert.equal(index.resolve('ffffffff'), undefined);
  });

  it('marks the first-parent chain of the newest commit as the mainline', () => {
    const table: [string, boolean][] = [
      ['M', true],
      ['m1', true],
      ['m0', true],
      ['f1', false],
      ['unknown', false],
    ];
    for (const [label, expected] of table) assert.equal(index.onMainline(sha(label)), expected, label);
  });

  it('holds thousands of colliding-prefix ids and keeps the first of a duplicate', () => {
    const many = Array.from({ length: 5000 }, (_, i) => commit(`c${i}`));
    const duplicate = { ...commit('c42'), subject: 'second copy' };
    const big = new CommitIndex([...many, duplicate]);
    for (let i = 0; i < many.length; i += 37) assert.equal(big.get(sha(`c${i}`)), many[i]);
    assert.equal(big.get(sha('c42'))?.subject, 'c42');
    assert.equal(new CommitIndex([]).get(sha('x')), undefined);
    assert.equal(new CommitIndex([]).onMainline(sha('x')), false);
  });
});

describe('reachability from the parsed graph (git rev-list ^A B)', () => {
  // m0 ← m1 ← m2 (main) and m0 ← b1 ← bm (merges m1) ← b2 (branch). Listed in a skewed order: a
  // clock that ran ahead puts b1 before its children, as committer-time order can.
  const skewed = [
    commit('b1', { parents: ['m0'] }),
    commit('m2', { parents: ['m1'] }),
    commit('b2', { parents: ['bm'] }),
    commit('bm', { parents: ['b1', 'm1'] }),
    commit('m1', { parents: ['m0'] }),
    commit('m0'),
  ];
  const index = new CommitIndex(skewed, sha('m2'));
  const names = (positions: number[]) => positions.map((at) => skewed[at].subject);

  it('answers exactly what git rev-list answers, whatever the listing order', () => {
    const table: [string[], string[], string[]][] = [
      [['b2'], ['m2'], ['b1', 'b2', 'bm']],
      [['m2'], ['b2'], ['m2']],
      [['b2'], ['bm'], ['b2']],
      [['m1'], ['b2'], []],
      [['b2', 'm2'], [], ['b1', 'm2', 'b2', 'bm', 'm1', 'm0']],
      [['b2'], ['unknown'], ['b1', 'b2', 'bm', 'm1', 'm0']],
    ];
    for (const [include, exclude, expected] of table) {
      assert.deepEqual(names(index.between(include.map(sha), exclude.map(sha))), expected, `^${exclude} ${include}`);
    }
  });

  it('starts the mainline at the tip it is given, not at the first listed commit', () => {
    assert.equal(index.onMainline(sha('m1')), true);
    assert.equal(index.onMainline(sha('b1')), false);
  });
});

describe('interning', () => {
  it('shares equal small file changes, frozen, and keeps large or odd counts per commit', () => {
    const intern = new Interner();
    const path = intern.string('src/a.ts');
    const a = intern.change(path, 3, 1);
    assert.equal(intern.change(path, 3, 1), a);
    assert.ok(Object.isFrozen(a));
    assert.notEqual(intern.change(path, 1, 3), a);
    assert.equal(intern.change(path, null, null), intern.change(path, null, null), 'binary changes share too');
    assert.notEqual(intern.change(path, null, null), intern.change(path, 0, 0), 'binary is not zero lines');
    const huge = intern.change(path, 5_000_000, 0);
    assert.deepEqual(huge, { path, added: 5_000_000, deleted: 0 });
    assert.notEqual(intern.change(path, 5_000_000, 0), huge);
  });

  it("copies a commit's changes at their exact count and shares the empty list", () => {
    const intern = new Interner();
    const scratch = [intern.change('x', 1, 1), intern.change('y', 2, 2), intern.change('z', 3, 3)];
    const copy = intern.files(scratch, 2);
    assert.deepEqual(copy, scratch.slice(0, 2));
    assert.notEqual(copy, scratch);
    assert.equal(intern.files([], 0), intern.files(scratch, 0));
    const single = intern.files([intern.change('x', 1, 1)]);
    assert.equal(intern.files(scratch, 1), single, 'one-file commits with the same change share one frozen list');
    assert.ok(Object.isFrozen(single));
    const unshared = { path: 'x', added: 9_000_000, deleted: 0 };
    assert.notEqual(intern.files([unshared]), intern.files([unshared]), 'a change that is not shared gets its own list');
  });

  it('shares strings and changes across commits read back from the cache', () => {
    const intern = new Interner();
    const row = (label: string) => encodeCommit(commit(label, { email: 'ann@x.io', files: [['src/a.ts', 2, 1]] }));
    const one = decodeCommit(row('one'), intern)!;
    const two = decodeCommit(row('two'), intern)!;
    assert.equal(one.files[0], two.files[0]);
    assert.deepEqual(one.files, [{ path: 'src/a.ts', added: 2, deleted: 1 }]);
  });
});
