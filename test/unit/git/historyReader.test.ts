import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readHead, refreshHistory, type ReadContext } from '../../../src/git/source/historyReader';
import { createGitRunner, type GitRunner } from '../../../src/git/source/runGit';
import { TempRepo } from './gitRepo';

/** Records every git invocation, to assert what was (not) read. */
function spyRunner(): { git: GitRunner; calls: string[][] } {
  const real = createGitRunner();
  const calls: string[][] = [];
  return { calls, git: (args, options) => (calls.push([...args]), real(args, options)) };
}

describe('history reader against real git', function () {
  this.timeout(30_000);
  let repo: TempRepo;
  beforeEach(() => (repo = new TempRepo()));
  afterEach(() => repo.dispose());

  it('reads an unborn branch (empty repository) as no tip and no commits', async () => {
    const { git } = spyRunner();
    const head = await readHead({ git, repoRoot: repo.root });
    assert.deepEqual(head, { tip: undefined, shallow: false, shallowKey: '' });
    const result = await refreshHistory({ git, repoRoot: repo.root }, undefined);
    assert.deepEqual(result.history.commits, []);
  });

  it('reads fully first, then only the new commit after a fast-forward', async () => {
    repo.commit('one', { 'a.txt': '1\n' });
    repo.commit('two', { 'a.txt': '1\n2\n', 'bin.dat': '\0\x01' });
    const spy = spyRunner();
    const ctx: ReadContext = { git: spy.git, repoRoot: repo.root };
    const first = await refreshHistory(ctx, undefined);
    assert.equal(first.mode, 'full');
    assert.deepEqual(
      first.history.commits.map((c) => c.subject),
      ['two', 'one'],
    );
    assert.deepEqual(first.history.commits[0].files, [
      { path: 'a.txt', added: 1, deleted: 0 },
      { path: 'bin.dat', added: null, deleted: null },
    ]);

    const three = repo.commit('three');
    spy.calls.length = 0;
    const second = await refreshHistory(ctx, first.history);
    assert.equal(second.mode, 'incremental');
    assert.equal(second.read, 1);
    assert.equal(second.history.tip, three);
    assert.deepEqual(
      second.history.commits.map((c) => c.subject),
      ['three', 'two', 'one'],
    );
    const log = spy.calls.find((c) => c[0] === 'log')!;
    assert.ok(log.includes(`${first.history.tip}..${three}`), 'reads only the range since the cached tip');
    assert.ok(log.indexOf('--end-of-options') < log.indexOf(`${first.history.tip}..${three}`));

    const third = await refreshHistory(ctx, second.history);
    assert.equal(third.mode, 'unchanged');
    assert.equal(third.history, second.history);
  });

  it('drops rewritten commits after an amend (force-push shape) and after a checkout to another branch', async () => {
    repo.commit('base');
    repo.commit('work');
    const ctx: ReadContext = { git: createGitRunner(), repoRoot: repo.root };
    const before = await refreshHistory(ctx, undefined);
    repo.git('commit', '-q', '--amend', '-m', 'work, amended');
    const after = await refreshHistory(ctx, before.history);
    assert.equal(after.mode, 'rewritten');
    assert.deepEqual(
      after.history.commits.map((c) => c.subject),
      ['work, amended', 'base'],
    );

    repo.git('checkout', '-q', '-b', 'side', 'HEAD~1');
    repo.commit('side work');
    const side = await refreshHistory(ctx, after.history);
    assert.deepEqual(
      side.history.commits.map((c) => c.subject),
      ['side work', 'base'],
    );
  });

  it('rescans fully when the cached tip no longer exists', async () => {
    repo.commit('base');
    const ctx: ReadContext = { git: createGitRunner(), repoRoot: repo.root };
    const real = await refreshHistory(ctx, undefined);
    const ghost = { ...real.history, tip: 'f'.repeat(40) };
    const result = await refreshHistory(ctx, ghost);
    assert.equal(result.mode, 'full');
    assert.deepEqual(
      result.history.commits.map((c) => c.subject),
      ['base'],
    );
  });

  it('reads a detached HEAD and a shallow clone, and rescans when the clone is deepened', async () => {
    repo.commit('a');
    repo.commit('b');
    repo.commit('c');
    repo.git('checkout', '-q', '--detach', 'HEAD~1');
    const detached = await refreshHistory({ git: createGitRunner(), repoRoot: repo.root }, undefined);
    assert.deepEqual(
      detached.history.commits.map((c) => c.subject),
      ['b', 'a'],
    );
    repo.git('checkout', '-q', 'main');

    const clone = new TempRepo('clone', false);
    try {
      clone.git('clone', '-q', '--depth', '1', `file://${repo.root}`, '.');
      const ctx: ReadContext = { git: createGitRunner(), repoRoot: clone.root };
      const shallow = await refreshHistory(ctx, undefined);
      assert.equal(shallow.shallow, true);
      assert.deepEqual(
        shallow.history.commits.map((c) => c.subject),
        ['c'],
      );
      clone.git('-c', 'protocol.file.allow=always', 'fetch', '-q', '--deepen', '1');
      const deeper = await refreshHistory(ctx, shallow.history);
      assert.equal(deeper.mode, 'full', 'same tip, but the shallow boundary moved');
      assert.deepEqual(
        deeper.history.commits.map((c) => c.subject),
        ['c', 'b'],
      );
    } finally {
      clone.dispose();
    }
  });

  it('reads tags as releases', async () => {
    const one = repo.commit('one');
    repo.git('tag', 'v1');
    repo.commit('two');
    repo.git('tag', '-a', 'v2', '-m', 'two');
    const result = await refreshHistory({ git: createGitRunner(), repoRoot: repo.root }, undefined);
    assert.deepEqual(
      result.releases.map((r) => [r.tag, r.annotated]),
      [
        ['v2', true],
        ['v1', false],
      ],
    );
    assert.equal(result.releases[1].commit, one);
  });
});

describe('malicious repositories are harmless to read', function () {
  this.timeout(30_000);
  let repo: TempRepo;
  let markerDir: string;
  beforeEach(() => {
    repo = new TempRepo();
    markerDir = mkdtempSync(path.join(os.tmpdir(), 'mpx-marker-'));
  });
  afterEach(() => {
    repo.dispose();
    rmSync(markerDir, { recursive: true, force: true });
  });

  it('runs none of the programs a hostile .git/config names', async () => {
    repo.commit('one', { 'a.txt': '1\n', 'b.txt': 'x\n' });
    const marker = (name: string) => path.join(markerDir, name);
    const hostile: [string, string][] = [
      ['core.fsmonitor', `touch ${marker('fsmonitor')}; false`],
      ['core.pager', `touch ${marker('pager')}; cat`],
      ['diff.external', `touch ${marker('external')}`],
      ['diff.evil.textconv', `touch ${marker('textconv')}; cat`],
      ['log.showSignature', 'true'],
      ['gpg.program', `touch ${marker('gpg')}`],
      ['core.hooksPath', markerDir],
    ];
    for (const [key, value] of hostile) repo.git('config', key, value);
    writeFileSync(path.join(repo.root, '.gitattributes'), '*.txt diff=evil\n');
    repo.git('add', '.gitattributes');
    repo.git('-c', 'core.fsmonitor=false', '-c', 'log.showSignature=false', 'commit', '-q', '--no-verify', '-m', 'attrs');
    appendFileSync(path.join(repo.root, 'a.txt'), 'dirty\n');
    // Sanity check that the fixture is armed: plain git with this config does run the fsmonitor hook.
    repo.git('-c', 'core.pager=cat', 'status', '--short');
    assert.ok(existsSync(marker('fsmonitor')), 'fixture should trigger fsmonitor for plain git');
    rmSync(marker('fsmonitor'));

    const result = await refreshHistory({ git: createGitRunner(), repoRoot: repo.root }, undefined);
    assert.equal(result.history.commits.length, 2);
    for (const name of ['fsmonitor', 'pager', 'external', 'textconv', 'gpg']) {
      assert.equal(existsSync(marker(name)), false, `${name} ran`);
    }
  });

  it('treats branches named like options as data, never as options', async () => {
    repo.commit('one');
    const pwned = path.join(markerDir, 'pwned');
    const written = path.join(markerDir, 'written');
    // Ref names cannot hold spaces; $IFS is the classic way around that in a shell.
    const branches = [`--upload-pack=touch$IFS${pwned}`, `--output=${written}`];
    for (const branch of branches) repo.git('update-ref', `refs/heads/${branch}`, 'HEAD');
    repo.git('symbolic-ref', 'HEAD', `refs/heads/${branches[1]}`);
    const spy = spyRunner();
    const result = await refreshHistory({ git: spy.git, repoRoot: repo.root }, undefined);
    assert.equal(result.history.commits.length, 1);
    assert.equal(existsSync(pwned), false);
    assert.equal(existsSync(written), false, 'git log --output=<file> would have written here');
    const everyArg = spy.calls.flat();
    assert.ok(
      branches.every((b) => !everyArg.some((arg) => arg.includes(b))),
      'no branch name reached git',
    );
  });
});
