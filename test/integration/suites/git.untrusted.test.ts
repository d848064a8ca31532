import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, gitChildren, hookSpawns } from './git-helpers';

describe('Git engine in an untrusted workspace', function () {
  this.timeout(60_000);

  it('starts no git process at all, even when asked for history', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this phase runs without workspace trust');
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const hook = hookSpawns(extension.extensionPath);
    const seenInPs: string[] = [];
    const poll = setInterval(() => seenInPs.push(...gitChildren()), 20);
    try {
      await extension.activate();
      const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
      assert.equal(await vscode.commands.executeCommand('multiplier.internal.gitStatus'), 'untrusted');
      assert.deepEqual(await vscode.commands.executeCommand('multiplier.internal.gitSnapshots'), []);
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('multiplier.internal.gitHistory', root)), /untrusted/);
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('multiplier.internal.gitOwners', root, ['src'])), /untrusted/);
      await new Promise((r) => setTimeout(r, 1500)); // anything lazily scheduled would have started by now
    } finally {
      clearInterval(poll);
      hook.restore();
    }
    assert.deepEqual(hook.calls, [], 'our code started a child process');
    // The process list sees any git child of this host, ours or not: the built-in git extension also
    // stays off in restricted mode, so there should be none.
    assert.deepEqual(seenInPs, [], 'a git process ran under the extension host');
  });
});
