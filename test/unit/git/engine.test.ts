import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { RepoSnapshot } from '../../../src/git/api';
import { KeyedDebouncer, type Clock } from '../../../src/core/debounce';
import { GitController } from '../../../src/git/controller';
import { createGitRunner, type GitRunner } from '../../../src/git/source/runGit';
import { TempRepo } from './gitRepo';
import { sameSnapshot, snapshotContaining, toRepoPath, toSnapshot, type RepoStateInput } from '../../../src/git/model/snapshot';

/** Fake time: timers run only when the test advances the clock. */
class FakeClock implements Clock {
  private time = 0;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;
  now = () => this.time;
  setTimeout = (callback: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  };
  clearTimeout = (handle: unknown) => void this.timers.delete(handle as number);
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = until;
  }
}

describe('keyed debounce', () => {
  function setup(delay = 300, maxWait = 3000) {
    const clock = new FakeClock();
    const fired: [string, number][] = [];
    const debouncer = new KeyedDebouncer<string>((key) => fired.push([key, clock.now()]), delay, maxWait, clock);
    return { clock, fired, debouncer };
  }

  it('turns a burst of events (a checkout) into one call, 300 ms after the last', () => {
    const { clock, fired, debouncer } = setup();
    for (let i = 0; i < 40; i++) {
      debouncer.trigger('/repo');
      clock.advance(5);
    }
    assert.deepEqual(fired, []);
    clock.advance(1000);
    assert.deepEqual(fired, [['/repo', 195 + 300]]);
  });

  it('keeps repositories apart', () => {
    const { clock, fired, debouncer } = setup();
    debouncer.trigger('/a');
    clock.advance(100);
    debouncer.trigger('/b');
    clock.advance(1000);
    assert.deepEqual(fired, [
      ['/a', 300],
      ['/b', 400],
    ]);
  });

  it('still fires during an endless stream, at the ceiling', () => {
    const { clock, fired, debouncer } = setup(300, 1000);
    for (let i = 0; i < 30; i++) {
      debouncer.trigger('/repo');
      clock.advance(100);
    }
    assert.deepEqual(
      fired.map(([, t]) => t),
      [1000, 2000, 3000],
      'one update per second while the stream lasts',
    );
  });

  it('cancels on close and dispose', () => {
    const { clock, fired, debouncer } = setup();
    debouncer.trigger('/a');
    debouncer.trigger('/b');
    debouncer.cancel('/a');
    debouncer.dispose();
    clock.advance(1000);
    assert.deepEqual(fired, []);
  });
});

describe('snapshot from git extension state', () => {
  const root = path.join(path.sep, 'ws', 'repo');
  const at = (...parts: string[]) => path.join(root, ...parts);
  const base: RepoStateInput = {
    root,
    head: { name: 'main', commit: 'a'.repeat(40), upstream: { remote: 'origin', name: 'main' }, ahead: 2, behind: 1 },
    remotes: [{ name: 'origin', fetchUrl: 'git@example.com:o/r.git', pushUrl: 'git@example.com:o/r.git' }],
    workingTree: [at('src', 'a.ts'), at('b.md')],
    untracked: [at('new.txt'), at('src', 'a.ts')],
    index: [at('staged.ts')],
    conflicts: [],
    rebasing: false,
    lastCommitAt: 123,
  };

  it('maps branch, upstream, counts and repo-relative sorted paths', () => {
    const s = toSnapshot(base, 99);
    assert.equal(s.branch, 'main');
    assert.equal(s.detached, false);
    assert.equal(s.upstream, 'origin/main');
    assert.deepEqual([s.ahead, s.behind, s.lastCommitAt, s.takenAt], [2, 1, 123, 99]);
    assert.deepEqual(s.dirtyFiles, ['b.md', 'new.txt', 'src/a.ts']);
    assert.deepEqual(s.stagedFiles, ['staged.ts']);
    assert.equal(s.mergeInProgress, false);
  });

  it('tells detached, unborn and conflicted states apart', () => {
    const table: [string, Partial<RepoStateInput>, Partial<RepoSnapshot>][] = [
      ['detached', { head: { commit: 'b'.repeat(40) } }, { detached: true, branch: undefined, head: 'b'.repeat(40) }],
      ['unborn', { head: { name: 'main' } }, { detached: false, branch: 'main', head: undefined }],
      ['no HEAD yet', { head: undefined }, { detached: false, branch: undefined, ahead: 0, behind: 0 }],
      ['merge conflict', { conflicts: [at('c.ts')] }, { mergeInProgress: true }],
      ['rebase', { rebasing: true }, { mergeInProgress: true }],
    ];
    for (const [name, change, expected] of table) {
      const s = toSnapshot({ ...base, ...change }, 0);
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(s[key as keyof RepoSnapshot], value, `${name}: ${key}`);
    }
  });

  it('leaves out paths outside the repository', () => {
    assert.equal(toRepoPath(root, path.join(path.sep, 'ws', 'other', 'x')), undefined);
    assert.equal(toRepoPath(root, root), undefined);
    assert.equal(toRepoPath(root, at('a', 'b')), 'a/b');
  });

  it('finds the innermost repository holding a file', () => {
    const snap = (repoRoot: string) => ({ ...toSnapshot(base, 0), repoRoot });
    const parent = snap(root);
    const submodule = snap(at('vendor', 'lib'));
    const sibling = snap(path.join(path.sep, 'ws', 'repo-other'));
    const all = [parent, submodule, sibling];
    const table: Array<[string, string, RepoSnapshot | undefined]> = [
      ['a file of the parent', at('src', 'a.ts'), parent],
      ['a file of the submodule, listed after its parent', at('vendor', 'lib', 'x.ts'), submodule],
      ['a sibling whose name extends the root', path.join(path.sep, 'ws', 'repo-other', 'y.ts'), sibling],
      ['outside every repository', path.join(path.sep, 'elsewhere', 'z.ts'), undefined],
    ];
    for (const [name, file, expected] of table) assert.equal(snapshotContaining(all, file)?.repoRoot, expected?.repoRoot, name);
  });

  it('compares snapshots without their timestamp', () => {
    assert.ok(sameSnapshot(toSnapshot(base, 1), toSnapshot(base, 2)));
    assert.ok(!sameSnapshot(toSnapshot(base, 1), toSnapshot({ ...base, workingTree: [] }, 1)));
    assert.ok(!sameSnapshot(undefined, toSnapshot(base, 1)));
  });
});

describe('git engine', () => {
  function setup(trusted: boolean) {
    let starts = 0;
    const spawned: string[][] = [];
    const runner: GitRunner = async (args) => (spawned.push([...args]), { exitCode: 0, stdout: 'me@x.io\n', stderr: '' });
    const engine = new GitController({
      trusted,
      start: () => starts++,
      createRunner: () => runner,
      halfLifeDays: () => 90,
      maxCommits: () => 0,
      now: () => 1_700_000_000_000,
    });
    return { engine, spawned, starts: () => starts };
  }
  const snap = (root: string, branch: string): RepoSnapshot => ({
    repoRoot: root,
    branch,
    detached: false,
    ahead: 0,
    behind: 0,
    dirtyFiles: [],
    stagedFiles: [],
    mergeInProgress: false,
    remotes: [],
    takenAt: Date.now(),
  });

  it('starts nothing until first use, then exactly once', () => {
    const { engine, starts } = setup(true);
    assert.equal(starts(), 0);
    void engine.snapshots;
    void engine.status;
    engine.onDidChangeSnapshots(() => undefined);
    assert.equal(starts(), 1);
  });

  it('in an untrusted workspace runs no git and does not start, until trust is granted', async () => {
    const { engine, spawned, starts } = setup(false);
    assert.equal(engine.status, 'untrusted');
    await assert.rejects(engine.history('/r'), /untrusted/);
    assert.equal(await engine.currentUserEmail('/r'), undefined);
    engine.setStatus('ready');
    assert.equal(engine.status, 'untrusted', 'only trust can leave the untrusted state');
    assert.deepEqual(spawned, []);
    assert.equal(starts(), 0);
    const statuses: string[] = [];
    engine.onDidChangeStatus((s) => statuses.push(s));
    engine.grantTrust();
    assert.equal(starts(), 1);
    assert.deepEqual(statuses, ['starting']);
    assert.equal(await engine.currentUserEmail('/r'), 'me@x.io');
    assert.deepEqual(spawned, [['config', '--get', 'user.email']]);
  });

  it('emits snapshots only when they change, sorted by root, and on removal', () => {
    const { engine } = setup(true);
    const seen: string[][] = [];
    engine.onDidChangeSnapshots((all) => seen.push(all.map((s) => `${s.repoRoot}@${s.branch}`)));
    engine.putSnapshot(snap('/b', 'main'));
    engine.putSnapshot(snap('/b', 'main'));
    engine.putSnapshot(snap('/a', 'dev'));
    engine.putSnapshot(snap('/b', 'topic'));
    engine.removeSnapshot('/a');
    engine.removeSnapshot('/a');
    assert.deepEqual(seen, [['/b@main'], ['/a@dev', '/b@main'], ['/a@dev', '/b@topic'], ['/b@topic']]);
  });

  it('refuses history after dispose', async () => {
    const { engine } = setup(true);
    engine.dispose();
    await assert.rejects(engine.history('/r'), /disposed/);
  });
});

describe('git engine: what a tag off HEAD contains (real git)', () => {
  it('gives each commit the commits of the tip history it sits on, in one rev-list', async () => {
    const repo = new TempRepo();
    try {
      const a = repo.commit('a');
      const b = repo.commit('b');
      repo.git('checkout', '-q', '-b', 'maint', a);
      const m1 = repo.commit('m1');
      repo.git('merge', '-q', '--no-edit', '--no-ff', b); // main came into the maintenance branch
      const m2 = repo.commit('m2');
      repo.git('checkout', '-q', 'main');
      const tip = repo.commit('c');
      const spawned: string[][] = [];
      const real = createGitRunner();
      const engine = new GitController({
        trusted: true,
        start: () => undefined,
        createRunner: () => (args, options) => (spawned.push([...args]), real(args, options)),
        halfLifeDays: () => 90,
        maxCommits: () => 0,
        now: () => 1_700_000_000_000,
      });
      const bases = await engine.mergeBases(repo.root, tip, [m1, m2]);
      assert.deepEqual(bases.get(m1), [a]);
      assert.deepEqual([...bases.get(m2)!].sort(), [a, b].sort(), 'its ancestors are those of b, the merge base');
      assert.equal(spawned.length, 1);
      // A deployment's commit may never have been fetched: it shares nothing we know of, and the
      // others are still answered.
      const unknown = 'f'.repeat(40);
      const mixed = await engine.mergeBases(repo.root, tip, [b, unknown, '', m1]);
      assert.deepEqual(mixed.get(b), [b], 'on the tip history: its own base');
      assert.equal(mixed.has(unknown), false);
      assert.equal(mixed.has(''), false, 'a GitHub release with no local tag names no commit');
      assert.deepEqual(mixed.get(m1), [a]);
      assert.equal(spawned.length, 3, 'one rev-list, and one cat-file for the commits it did not list');
      engine.dispose();
    } finally {
      repo.dispose();
    }
  });
});
