import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { multiplier } from '../host/api';
import { EXTENSION_ID, closeRepository, git, waitForSnapshot } from './git-helpers';

describe('Git engine', function () {
  this.timeout(60_000);
  let root: string;
  let originalHead: string;
  const temp: string[] = [];
  /** Repositories this suite opened in the git extension; closed again afterwards. */
  const opened: string[] = [];
  const EDITED = 'src/engine-edit.ts';
  const OUR_SUBJECT = 'Engine suite commit';
  const FOREIGN_STAGED = 'engine-foreign-staged.txt';
  const FOREIGN_DIRTY = 'engine-foreign-dirty.txt';

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    originalHead = git(root, 'rev-parse', 'HEAD').trim();
  });

  // The workspace is shared with the other suites: put back exactly what this suite changed (our
  // commit, branch and file) and nothing else, so their staged or dirty files survive.
  after(async function () {
    this.timeout(30_000);
    for (const repo of opened) await closeRepository(repo);
    temp.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    const quiet = (...args: string[]) => {
      try {
        return git(root, ...args);
      } catch {
        return '';
      }
    };
    if (quiet('rev-parse', '--abbrev-ref', 'HEAD').trim() !== 'main') quiet('checkout', '-q', 'main');
    const ours = quiet('log', '--format=%s', `${originalHead}..HEAD`, '--').split('\n').filter(Boolean);
    if (ours.length > 0 && ours.every((subject) => subject === OUR_SUBJECT)) {
      quiet('reset', '-q', '--soft', originalHead);
      quiet('reset', '-q', '--', EDITED); // unstage our file only
    }
    quiet('rm', '-q', '--cached', '--ignore-unmatch', '--', FOREIGN_STAGED);
    for (const file of [EDITED, FOREIGN_STAGED, FOREIGN_DIRTY]) rmSync(path.join(root, file), { force: true });
    quiet('branch', '-q', '-D', 'engine-topic');
  });

  it('is ready and has a snapshot of the workspace repository', async () => {
    const all = await waitForSnapshot((s) => s.some((x) => x.repoRoot === root && !!x.head), 'the workspace snapshot');
    const snap = all.find((s) => s.repoRoot === root)!;
    assert.equal((await multiplier()).git.status(), 'ready');
    assert.equal(snap.branch, 'main');
    assert.equal(snap.detached, false);
    assert.equal(snap.head, git(root, 'rev-parse', 'HEAD').trim());
    assert.ok(snap.lastCommitAt && snap.lastCommitAt < Date.now());
  });

  it('follows a commit, a checkout and a file edit', async () => {
    // Other suites may have left files dirty or staged here: assert only on the file we change, and
    // stand in for them with a staged and an untracked file of our own, which must survive untouched.
    writeFileSync(path.join(root, FOREIGN_STAGED), 'staged by someone else\n');
    writeFileSync(path.join(root, FOREIGN_DIRTY), 'left by someone else\n');
    git(root, 'add', '--', FOREIGN_STAGED);
    writeFileSync(path.join(root, EDITED), 'export const edited = true;\n');
    await waitForSnapshot((s) => !!s.find((x) => x.repoRoot === root)?.dirtyFiles.includes(EDITED), 'the edited file to be dirty');

    git(root, 'add', '--', EDITED);
    git(root, 'commit', '-q', '-m', OUR_SUBJECT, '--', EDITED); // this path only, whatever else is staged
    const head = git(root, 'rev-parse', 'HEAD').trim();
    const afterCommit = await waitForSnapshot((s) => s.find((x) => x.repoRoot === root)?.head === head, 'the new commit');
    const committed = afterCommit.find((x) => x.repoRoot === root)!;
    assert.equal(committed.dirtyFiles.includes(EDITED), false, 'the committed file is no longer dirty');
    assert.equal(committed.stagedFiles.includes(EDITED), false, 'the committed file is no longer staged');
    assert.deepEqual(
      git(root, 'show', '--format=', '--name-only', 'HEAD').split('\n').filter(Boolean),
      [EDITED],
      'our commit holds our file only',
    );
    assert.ok(committed.stagedFiles.includes(FOREIGN_STAGED), "someone else's staged file is still staged");
    assert.ok(committed.dirtyFiles.includes(FOREIGN_DIRTY), "someone else's untracked file is still there");

    git(root, 'checkout', '-q', '-b', 'engine-topic');
    await waitForSnapshot((s) => s.find((x) => x.repoRoot === root)?.branch === 'engine-topic', 'the checkout');
    git(root, 'checkout', '-q', '--detach', 'HEAD~1');
    const detached = await waitForSnapshot((s) => !!s.find((x) => x.repoRoot === root)?.detached, 'a detached HEAD');
    assert.equal(detached.find((x) => x.repoRoot === root)!.branch, undefined);
    git(root, 'checkout', '-q', 'main');
    await waitForSnapshot((s) => s.find((x) => x.repoRoot === root)?.branch === 'main', 'the checkout back');
  });

  it('reads history, pull requests and ownership of the workspace', async () => {
    const history = await (await multiplier()).git.history(root);
    assert.equal(history.tip, git(root, 'rev-parse', 'HEAD').trim());
    assert.equal(history.subjects[0], OUR_SUBJECT);
    assert.ok(
      history.pullRequests.some((p) => p.number === 3 && p.kind === 'squash'),
      'the "(#3)" squash is a PR',
    );
    const owners = await (await multiplier()).git.owners(root, ['src/parser.ts']);
    assert.deepEqual(owners.map((o) => o.email).sort(), ['ada@example.com', 'grace@example.com']);
  });

  it('adds a second repository opened in the git extension', async () => {
    const second = path.join(mkdtempSync(path.join(os.tmpdir(), 'mpx-second-')), 'second');
    temp.push(path.dirname(second));
    git(path.dirname(second), 'init', '-q', '-b', 'trunk', second);
    writeFileSync(path.join(second, 'x.txt'), 'x\n');
    git(second, 'add', 'x.txt');
    git(second, 'commit', '-q', '-m', 'second repo');
    await vscode.commands.executeCommand('git.openRepository', second);
    opened.push(second);
    const all = await waitForSnapshot((s) => s.some((x) => x.repoRoot === second && x.branch === 'trunk'), 'the second repository');
    assert.ok(
      all.some((x) => x.repoRoot === root),
      'the first repository is still there',
    );
  });

  it('emits a snapshot for a submodule as well as for its parent repository', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mpx-submodule-'));
    temp.push(dir);
    const library = path.join(dir, 'library');
    const parent = path.join(dir, 'parent');
    for (const [repo, file] of [
      [library, 'lib.txt'],
      [parent, 'app.txt'],
    ]) {
      git(dir, 'init', '-q', '-b', 'main', repo);
      writeFileSync(path.join(repo, file), `${file}\n`);
      git(repo, 'add', '--', file);
      git(repo, 'commit', '-q', '-m', `add ${file}`);
    }
    git(parent, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', '--', library, 'vendor/library');
    git(parent, 'commit', '-q', '-m', 'Add the library as a submodule');
    const sub = path.join(parent, 'vendor', 'library');
    const parentHead = git(parent, 'rev-parse', 'HEAD').trim();
    const subHead = git(sub, 'rev-parse', 'HEAD').trim();

    await vscode.commands.executeCommand('git.openRepository', parent);
    opened.push(sub, parent);
    await waitForSnapshot((s) => s.some((x) => x.repoRoot === parent && x.head === parentHead), 'the parent repository');
    // The git extension opens submodules it detects (git.detectSubmodules); open it ourselves if not.
    const detected = await waitForSnapshot((s) => s.some((x) => x.repoRoot === sub), 'the submodule, detected', 5_000).catch(
      () => undefined,
    );
    if (!detected) await vscode.commands.executeCommand('git.openRepository', sub);

    const all = await waitForSnapshot((s) => s.some((x) => x.repoRoot === sub && x.head === subHead), 'the submodule repository');
    const parentSnap = all.find((x) => x.repoRoot === parent)!;
    const subSnap = all.find((x) => x.repoRoot === sub)!;
    assert.equal(parentSnap.branch, 'main');
    assert.equal(parentSnap.head, parentHead);
    assert.equal(subSnap.branch, 'main', "the submodule has its own branch, not the parent's view of it");
    assert.ok(
      all.some((x) => x.repoRoot === root),
      'the workspace repository is still there',
    );
  });

  it('reads a hostile repository without running what its config names', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mpx-hostile-'));
    temp.push(dir);
    const repo = path.join(dir, 'repo');
    const marker = path.join(dir, 'fsmonitor-ran');
    const pwned = path.join(dir, 'pwned');
    git(dir, 'init', '-q', '-b', 'main', repo);
    writeFileSync(path.join(repo, 'a.txt'), 'a\n');
    git(repo, 'add', 'a.txt');
    git(repo, 'commit', '-q', '-m', 'one');
    git(repo, 'config', 'core.fsmonitor', `touch ${marker}; false`);
    git(repo, 'config', 'core.pager', `touch ${marker}; cat`);
    git(repo, 'config', 'log.showSignature', 'true');
    git(repo, 'config', 'gpg.program', `touch ${marker}`);
    const branch = `--upload-pack=touch$IFS${pwned}`;
    git(repo, 'update-ref', `refs/heads/${branch}`, 'HEAD');
    git(repo, 'symbolic-ref', 'HEAD', `refs/heads/${branch}`);
    writeFileSync(path.join(repo, 'a.txt'), 'dirty\n');

    const history = await (await multiplier()).git.history(repo);
    assert.equal(history.commitCount, 1);
    await (await multiplier()).git.owners(repo, ['']);
    assert.equal(existsSync(marker), false, 'a program named in .git/config ran');
    assert.equal(existsSync(pwned), false, 'the option-like branch name reached git as an option');
  });
});
