import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, git, waitForSnapshot } from './git-helpers';

describe('Git engine', function () {
  this.timeout(60_000);
  let root: string;
  const temp: string[] = [];

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    root = vscode.workspace.workspaceFolders![0].uri.fsPath;
  });
  after(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('is ready and has a snapshot of the workspace repository', async () => {
    const all = await waitForSnapshot((s) => s.some((x) => x.repoRoot === root && !!x.head), 'the workspace snapshot');
    const snap = all.find((s) => s.repoRoot === root)!;
    assert.equal(await vscode.commands.executeCommand('multiplier.internal.gitStatus'), 'ready');
    assert.equal(snap.branch, 'main');
    assert.equal(snap.detached, false);
    assert.equal(snap.head, git(root, 'rev-parse', 'HEAD').trim());
    assert.ok(snap.lastCommitAt && snap.lastCommitAt < Date.now());
  });

  it('follows a commit, a checkout and a file edit', async () => {
    writeFileSync(path.join(root, 'src', 'engine-edit.ts'), 'export const edited = true;\n');
    await waitForSnapshot((s) => !!s.find((x) => x.repoRoot === root)?.dirtyFiles.includes('src/engine-edit.ts'), 'the edited file to be dirty');

    git(root, 'add', 'src/engine-edit.ts');
    git(root, 'commit', '-q', '-m', 'Engine suite commit');
    const head = git(root, 'rev-parse', 'HEAD').trim();
    const afterCommit = await waitForSnapshot((s) => s.find((x) => x.repoRoot === root)?.head === head, 'the new commit');
    assert.deepEqual(afterCommit.find((x) => x.repoRoot === root)!.dirtyFiles, []);

    git(root, 'checkout', '-q', '-b', 'engine-topic');
    await waitForSnapshot((s) => s.find((x) => x.repoRoot === root)?.branch === 'engine-topic', 'the checkout');
    git(root, 'checkout', '-q', '--detach', 'HEAD~1');
    const detached = await waitForSnapshot((s) => !!s.find((x) => x.repoRoot === root)?.detached, 'a detached HEAD');
    assert.equal(detached.find((x) => x.repoRoot === root)!.branch, undefined);
    git(root, 'checkout', '-q', 'main');
    await waitForSnapshot((s) => s.find((x) => x.repoRoot === root)?.branch === 'main', 'the checkout back');
  });

  it('reads history, pull requests and ownership of the workspace', async () => {
    type Summary = { tip: string; commitCount: number; subjects: string[]; pullRequests: { number: number; kind: string }[] };
    const history = (await vscode.commands.executeCommand<Summary>('multiplier.internal.gitHistory', root))!;
    assert.equal(history.tip, git(root, 'rev-parse', 'HEAD').trim());
    assert.equal(history.subjects[0], 'Engine suite commit');
    assert.ok(history.pullRequests.some((p) => p.number === 3 && p.kind === 'squash'), 'the "(#3)" squash is a PR');
    const owners = (await vscode.commands.executeCommand<{ email: string }[]>('multiplier.internal.gitOwners', root, ['src/parser.ts']))!;
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
    const all = await waitForSnapshot((s) => s.some((x) => x.repoRoot === second && x.branch === 'trunk'), 'the second repository');
    assert.ok(all.some((x) => x.repoRoot === root), 'the first repository is still there');
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

    type Summary = { commitCount: number };
    const history = (await vscode.commands.executeCommand<Summary>('multiplier.internal.gitHistory', repo))!;
    assert.equal(history.commitCount, 1);
    await vscode.commands.executeCommand('multiplier.internal.gitOwners', repo, ['']);
    assert.equal(existsSync(marker), false, 'a program named in .git/config ran');
    assert.equal(existsSync(pwned), false, 'the option-like branch name reached git as an option');
  });
});
