import * as assert from 'node:assert/strict';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { assertSafeRef, assertSha, createGitRunner, gitEnv, safeArgs, SAFE_READ_CONFIG } from '../../../src/git/source/runGit';
import { TempRepo } from './gitRepo';

describe('runGit safety', () => {
  it('refuses revisions that are not full shas, and unsafe symbolic refs', () => {
    const bad = ['--output=/tmp/x', '-n1', 'HEAD', 'abc', 'a'.repeat(39), 'A'.repeat(40), `${'a'.repeat(40)} `];
    for (const value of bad) assert.throws(() => assertSha(value), /not a full sha/, value);
    assert.equal(assertSha('a'.repeat(40)), 'a'.repeat(40));
    assert.equal(assertSha('b'.repeat(64)), 'b'.repeat(64));
    const badRefs = ['--upload-pack=touch$IFS/tmp/pwned', '-x', '', 'a..b', 'a b', 'x\ny', 'r@{1}', 'a:b'];
    for (const value of badRefs) assert.throws(() => assertSafeRef(value), /unsafe ref/, JSON.stringify(value));
    assert.equal(assertSafeRef('refs/heads/feature/x-1'), 'refs/heads/feature/x-1');
  });

  it('puts the safe configuration before the subcommand', () => {
    const args = safeArgs(['log', '--oneline']);
    assert.deepEqual(args.slice(-2), ['log', '--oneline']);
    assert.ok(args.indexOf('core.fsmonitor=false') < args.indexOf('log'));
    for (const entry of SAFE_READ_CONFIG) assert.equal(args[args.indexOf(entry) - 1], '-c');
    assert.equal(args[0], '--no-pager');
  });

  it('drops inherited GIT_* variables that could redirect git', () => {
    const env = gitEnv({ PATH: '/bin', GIT_DIR: '/elsewhere', GIT_EXTERNAL_DIFF: 'evil', GIT_SSH_COMMAND: 'evil' });
    assert.equal(env.PATH, '/bin');
    assert.equal(env.GIT_DIR, undefined);
    assert.equal(env.GIT_EXTERNAL_DIFF, undefined);
    assert.equal(env.GIT_SSH_COMMAND, undefined);
    assert.equal(env.GIT_TERMINAL_PROMPT, '0');
  });

  it('asks git for fully buffered output, whatever the environment says (no flush per commit into our pipe)', () => {
    assert.equal(gitEnv({ GIT_FLUSH: '1' }).GIT_FLUSH, '0');
    assert.equal(gitEnv({}).GIT_FLUSH, '0');
  });

  describe('processes', function () {
    this.timeout(20_000);
    let repo: TempRepo;
    let sleeper: string;
    before(() => {
      repo = new TempRepo();
      // A stand-in for a hung git that also has a child of its own (the shell forks `sleep`).
      sleeper = path.join(path.dirname(repo.root), 'slow-git.sh');
      writeFileSync(sleeper, '#!/bin/sh\nsleep 30\necho done\n');
      chmodSync(sleeper, 0o755);
    });
    after(() => repo.dispose());

    it('returns output, and rejects on a failing exit code unless it is expected', async () => {
      const git = createGitRunner();
      const ok = await git(['rev-parse', '--is-inside-work-tree'], { cwd: repo.root });
      assert.equal(ok.stdout.trim(), 'true');
      await assert.rejects(git(['rev-parse', '--verify', 'HEAD'], { cwd: repo.root }), /exited with 128/);
      const expected = await git(['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: repo.root, okExitCodes: [1] });
      assert.equal(expected.exitCode, 1);
    });

    it('kills a process on timeout', async () => {
      const slow = createGitRunner(sleeper);
      const started = Date.now();
      await assert.rejects(slow(['log'], { cwd: repo.root, timeoutMs: 200 }), /timed out/);
      assert.ok(Date.now() - started < 5000);
    });

    it('runs at most the configured number of processes at once; the rest wait their turn', async () => {
      const counter = path.join(path.dirname(repo.root), 'concurrency.sh');
      const log = path.join(path.dirname(repo.root), 'concurrency.log');
      // Each fake git logs start/end; overlapping starts show the concurrency.
      writeFileSync(counter, `#!/bin/sh\necho start >> ${log}\nsleep 0.2\necho end >> ${log}\n`);
      chmodSync(counter, 0o755);
      const limited = createGitRunner(counter, 10_000, 2);
      await Promise.all([1, 2, 3, 4, 5].map(() => limited(['log'], { cwd: repo.root })));
      let open = 0;
      let peak = 0;
      for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
        open += line === 'start' ? 1 : -1;
        peak = Math.max(peak, open);
      }
      assert.equal(peak, 2);
    });

    it('kills every running process when the signal aborts (workspace closed)', async () => {
      const slow = createGitRunner(sleeper);
      const controller = new AbortController();
      const runs = [1, 2, 3].map(() => slow(['log'], { cwd: repo.root, signal: controller.signal }));
      setTimeout(() => controller.abort(), 100);
      const started = Date.now();
      for (const run of runs) await assert.rejects(run, /cancelled/);
      assert.ok(Date.now() - started < 5000, 'the forked sleep was killed with its group');
      await assert.rejects(slow(['log'], { cwd: repo.root, signal: controller.signal }), /cancelled before start/);
    });
  });
});
