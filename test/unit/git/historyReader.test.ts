import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
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
    assert.deepEqual([head.tip, head.shallow, head.shallowKey], [undefined, false, '']);
    assert.equal(head.layout.commonDir, path.join(realpathSync(repo.root), '.git'));
    const result = await refreshHistory({ git, repoRoot: repo.root }, undefined);
    assert.deepEqual(result.history.commits, []);
  });

  /** A first full read, then `refresh` after `change`, with the git calls of the refresh only. */
  async function afterChange(change: () => void) {
    const spy = spyRunner();
    const ctx: ReadContext = { git: spy.git, repoRoot: repo.root };
    const first = await refreshHistory(ctx, undefined);
    change();
    spy.calls.length = 0;
    const second = await refreshHistory(ctx, first.history, first.state);
    return { first, second, calls: spy.calls.map((c) => c.join(' ')), ctx };
  }
  const subjects = (r: { history: { commits: readonly { subject: string }[] } }) => r.history.commits.map((c) => c.subject);

  it('reads fully first, then the new commit after a fast-forward with one git process', async () => {
    repo.commit('one', { 'a.txt': '1\n' });
    repo.commit('two', { 'a.txt': '1\n2\n', 'bin.dat': '\0\x01' });
    let three = '';
    const { first, second, calls, ctx } = await afterChange(() => (three = repo.commit('three')));
    assert.equal(first.mode, 'full');
    assert.deepEqual(first.history.commits[0].files, [
      { path: 'a.txt', added: 1, deleted: 0 },
      { path: 'bin.dat', added: null, deleted: null },
    ]);
    assert.equal(calls.length, 1, `one git process, not ${calls.join(' | ')}`);
    assert.match(calls[0], new RegExp(`^log .*--left-right .*--end-of-options ${first.history.tip}\\.\\.\\.HEAD --$`));
    assert.deepEqual([second.mode, second.read, second.history.tip], ['incremental', 1, three]);
    assert.deepEqual(subjects(second), ['three', 'two', 'one']);

    const spy = spyRunner();
    const third = await refreshHistory({ ...ctx, git: spy.git }, second.history, second.state);
    assert.equal(third.mode, 'unchanged');
    assert.equal(third.history, second.history);
    assert.equal(spy.calls.length, 1, 'nothing new: also one process');
  });

  it('finds HEAD among several new commits, a merge included, in that one process', async () => {
    repo.commit('base');
    let head = '';
    const { second, calls } = await afterChange(() => {
      repo.git('checkout', '-q', '-b', 'topic');
      repo.commit('topic work');
      repo.git('checkout', '-q', 'main');
      repo.commit('main work');
      repo.git('merge', '-q', '--no-ff', '-m', 'Merge topic', 'topic');
      head = repo.head();
    });
    assert.equal(calls.length, 1);
    assert.deepEqual([second.mode, second.read, second.history.tip], ['incremental', 3, head]);
    assert.deepEqual(new Set(subjects(second)), new Set(['Merge topic', 'main work', 'topic work', 'base']));
  });

  it('drops rewritten commits after an amend (force-push shape), in the same one process', async () => {
    repo.commit('base');
    repo.commit('work');
    const { second, calls } = await afterChange(() => repo.git('commit', '-q', '--amend', '-m', 'work, amended'));
    assert.equal(calls.length, 1);
    assert.equal(second.mode, 'rewritten');
    assert.deepEqual(subjects(second), ['work, amended', 'base']);
  });

  it('follows a rebase onto new upstream work', async () => {
    repo.commit('base');
    repo.git('checkout', '-q', '-b', 'upstream');
    repo.commit('upstream work');
    repo.git('checkout', '-q', 'main');
    repo.commit('mine 1');
    repo.commit('mine 2');
    const { second } = await afterChange(() => repo.git('rebase', '-q', 'upstream'));
    assert.equal(second.mode, 'rewritten');
    assert.deepEqual(subjects(second), ['mine 2', 'mine 1', 'upstream work', 'base']);
    assert.equal(new Set(second.history.commits.map((c) => c.hash)).size, 4, 'the pre-rebase copies are gone');
  });

  it('follows a checkout to another branch and a reset back to an older commit', async () => {
    repo.commit('base');
    repo.commit('work');
    const side = await afterChange(() => {
      repo.git('checkout', '-q', '-b', 'side', 'HEAD~1');
      repo.commit('side work');
    });
    assert.deepEqual(subjects(side.second), ['side work', 'base']);

    repo.git('checkout', '-q', 'main');
    const back = await afterChange(() => repo.git('reset', '-q', '--hard', 'HEAD~1'));
    assert.equal(back.second.mode, 'rewritten');
    assert.deepEqual(subjects(back.second), ['base']);
    assert.equal(back.second.history.tip, repo.head());
    assert.equal(back.calls.length, 2, 'HEAD moved back: the log cannot name it, rev-parse does');
  });

  it('rescans fully when the cached tip no longer exists', async () => {
    repo.commit('base');
    const ctx: ReadContext = { git: createGitRunner(), repoRoot: repo.root };
    const real = await refreshHistory(ctx, undefined);
    const ghost = { ...real.history, tip: 'f'.repeat(40) };
    for (const state of [undefined, real.state]) {
      const result = await refreshHistory(ctx, ghost, state);
      assert.equal(result.mode, 'full');
      assert.deepEqual(subjects(result), ['base']);
    }
  });

  it('reads a detached HEAD and a shallow clone, and rescans when the clone is deepened', async () => {
    repo.commit('a');
    repo.commit('b');
    repo.commit('c');
    repo.git('checkout', '-q', '--detach', 'HEAD~1');
    const detached = await refreshHistory({ git: createGitRunner(), repoRoot: repo.root }, undefined);
    assert.deepEqual(subjects(detached), ['b', 'a']);
    repo.git('checkout', '-q', 'main');

    const clone = new TempRepo('clone', false);
    try {
      clone.git('clone', '-q', '--depth', '1', `file://${repo.root}`, '.');
      const ctx: ReadContext = { git: createGitRunner(), repoRoot: clone.root };
      const shallow = await refreshHistory(ctx, undefined);
      assert.equal(shallow.shallow, true);
      assert.deepEqual(subjects(shallow), ['c']);
      clone.git('-c', 'protocol.file.allow=always', 'fetch', '-q', '--deepen', '1');
      const deeper = await refreshHistory(ctx, shallow.history, shallow.state);
      assert.equal(deeper.mode, 'full', 'same tip, but the shallow boundary moved');
      assert.deepEqual(subjects(deeper), ['c', 'b']);
      clone.git('-c', 'protocol.file.allow=always', 'fetch', '-q', '--unshallow');
      const whole = await refreshHistory(ctx, deeper.history, deeper.state);
      assert.equal(whole.shallow, false);
      assert.deepEqual(subjects(whole), ['c', 'b', 'a']);
    } finally {
      clone.dispose();
    }
  });

  it('reads tags as releases: a tag of a tag resolves to its commit; tags of a tree or a blob are skipped and reported', async () => {
    const one = repo.commit('one');
    repo.git('tag', 'v1');
    const two = repo.commit('two');
    repo.git('tag', '-a', 'v2', '-m', 'two');
    repo.git('tag', '-a', 'v2-signed', '-m', 'a tag of a tag', 'v2');
    repo.git('tag', '-a', 'v2-twice', '-m', 'a tag of a tag of a tag', 'v2-signed');
    repo.git('tag', '-a', 'tree-tag', '-m', 'a tree', 'HEAD^{tree}');
    const blob = repo.git('hash-object', '-w', '--stdin', '--path', 'key.asc').trim();
    repo.git('tag', 'key-blob', blob);
    const result = await refreshHistory({ git: createGitRunner(), repoRoot: repo.root }, undefined);
    assert.deepEqual(
      result.releases.map((r) => [r.tag, r.commit === two ? 'two' : r.commit === one ? 'one' : r.commit, r.annotated]),
      [
        ['v2-twice', 'two', true],
        ['v2-signed', 'two', true],
        ['v2', 'two', true],
        ['v1', 'one', false],
      ],
      'newest first (tagger dates)',
    );
    assert.deepEqual(result.skipped.map((t) => `${t.tag}:${t.type}`).sort(), ['key-blob:blob', 'tree-tag:tree']);
  });

  it('reads tags again only when refs/tags or packed-refs changed', async () => {
    repo.commit('one');
    repo.git('tag', 'v1');
    const spy = spyRunner();
    const ctx: ReadContext = { git: spy.git, repoRoot: repo.root };
    const first = await refreshHistory(ctx, undefined);
    const tagReads = () => spy.calls.filter((c) => c[0] === 'for-each-ref').length;
    assert.equal(tagReads(), 1);
    repo.commit('two');
    const second = await refreshHistory(ctx, first.history, first.state);
    assert.equal(tagReads(), 1, 'a new commit does not touch the tags');
    assert.equal(second.releases, first.releases);
    const cases: [string, () => void, string[]][] = [
      ['a new loose tag', () => repo.git('tag', 'v2'), ['v2', 'v1']],
      ['packed', () => repo.git('pack-refs', '--all'), ['v2', 'v1']],
      ['a packed tag deleted', () => repo.git('tag', '-d', 'v1'), ['v2']],
      ['a tag moved', () => repo.git('tag', '-f', 'v2', 'HEAD~1'), ['v2']],
    ];
    let previous = second;
    for (const [name, change, tags] of cases) {
      const before = tagReads();
      change();
      previous = await refreshHistory(ctx, previous.history, previous.state);
      assert.equal(tagReads(), before + 1, name);
      assert.deepEqual(
        previous.releases.map((r) => r.tag),
        tags,
        name,
      );
    }
    assert.equal(previous.releases[0].commit, first.history.tip, 'v2 now points at the first commit');
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
