import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitController } from '../../../src/git/controller';
import { safeDirectoryCommand, unsafeRepositoryIn } from '../../../src/git/model/unsafe';
import { createGitRunner } from '../../../src/git/source/runGit';
import { TempRepo } from './gitRepo';

describe('a repository git refuses for dubious ownership', () => {
  it("reads the path out of git's message", () => {
    const stderr =
      "fatal: detected dubious ownership in repository at '/srv/team repo'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory '/srv/team repo'\n";
    assert.deepEqual(unsafeRepositoryIn(stderr), {
      path: '/srv/team repo',
      fix: "git config --global --add safe.directory '/srv/team repo'",
    });
    assert.equal(unsafeRepositoryIn('fatal: not a git repository (or any of the parent directories): .git'), undefined);
  });

  it('quotes the path for a shell', () => {
    assert.equal(safeDirectoryCommand("/srv/it's"), "git config --global --add safe.directory '/srv/it'\\''s'");
  });

  describe('with a real git that sees another owner', () => {
    let root: string;
    let wrapper: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'git-unsafe-'));
      // git's own switch for this check (it ignores the real owner); runGit passes no GIT_ variable
      // through, so it is set by a wrapper standing in for the git binary.
      wrapper = join(root, 'git-other-owner');
      writeFileSync(wrapper, '#!/bin/sh\nGIT_TEST_ASSUME_DIFFERENT_OWNER=1 exec git "$@"\n');
      chmodSync(wrapper, 0o755);
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    const controller = () => {
      const git = new GitController({
        trusted: true,
        start: () => undefined,
        createRunner: () => createGitRunner(wrapper),
        halfLifeDays: () => 90,
        maxCommits: () => 1000,
        now: () => Date.now(),
        storageDir: join(root, 'storage'),
        onError: () => undefined,
      });
      const changes: unknown[] = [];
      git.onDidChangeUnsafe((all) => changes.push(all));
      return { git, changes };
    };

    it('history is refused, and the repository is named once with the fix', async () => {
      const temp = new TempRepo();
      try {
        temp.commit('first');
        const { git, changes } = controller();
        await assert.rejects(git.history(temp.root));
        await assert.rejects(git.history(temp.root));
        assert.deepEqual(git.unsafeRepositories, [{ path: temp.root, fix: safeDirectoryCommand(temp.root) }]);
        assert.equal(changes.length, 1, 'told once, not per attempt');
      } finally {
        temp.dispose();
      }
    });

    it('a workspace folder git did not open is checked, and found unsafe', async () => {
      const temp = new TempRepo();
      try {
        const { git } = controller();
        await git.checkFolders([temp.root, join(root, 'not-a-repo')]);
        assert.deepEqual(
          git.unsafeRepositories.map((u) => u.path),
          [temp.root],
        );
      } finally {
        temp.dispose();
      }
    });

    it('a refused repository removed from the workspace is forgotten, with one change event', async () => {
      const kept = new TempRepo();
      const removed = new TempRepo();
      try {
        const { git, changes } = controller();
        await git.checkFolders([kept.root, removed.root]);
        assert.deepEqual(git.unsafeRepositories.map((u) => u.path).sort(), [kept.root, removed.root].sort());
        changes.length = 0;
        // Both folders leave; a subfolder of the kept repository stays in the workspace.
        git.forgetRemovedFolders([kept.root, removed.root], [join(kept.root, 'sub'), root]);
        assert.deepEqual(
          git.unsafeRepositories.map((u) => u.path),
          [kept.root],
        );
        assert.equal(changes.length, 1);
        // A refusal met outside every folder (history asked for directly) is not a folder's to take.
        git.forgetRemovedFolders([join(root, 'elsewhere')], []);
        assert.deepEqual(
          git.unsafeRepositories.map((u) => u.path),
          [kept.root],
        );
      } finally {
        kept.dispose();
        removed.dispose();
      }
    });
  });
});
