import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { multiplier } from '../host/api';
import { waitFor } from '../host/wait';
import { EXTENSION_ID, gitChildren, hookSpawns } from './git-helpers';

describe('Git engine in an untrusted workspace', function () {
  this.timeout(60_000);

  it('starts no git process at all, even when every view is open and history is asked for', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this phase runs without workspace trust');
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const hook = hookSpawns(extension.extensionPath);
    const seenInPs: string[] = [];
    const poll = setInterval(() => seenInPs.push(...gitChildren()), 20);
    try {
      const api = await multiplier();
      const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
      assert.equal(api.git.status(), 'untrusted');
      assert.deepEqual(api.git.snapshots(), []);
      await assert.rejects(api.git.history(root), /untrusted/);
      await assert.rejects(api.git.owners(root, ['src']), /untrusted/);
      // Start everything that runs lazily, and wait until each has done its first round of work.
      await vscode.commands.executeCommand('multiplier.reviewQueue.focus');
      await waitFor(
        async () => api.review.state().status,
        (status) => status === 'signedOut',
        'the review queue to finish its first poll',
      );
      await vscode.commands.executeCommand('multiplier.coach.focus');
      const coach = await api.coach.state(); // an evaluation, including its who-to-ask look-up
      assert.equal(coach.current, undefined);
      await vscode.commands.executeCommand('multiplier.growthNotes.focus');
      await api.notes.state();
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
