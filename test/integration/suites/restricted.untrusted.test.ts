import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('Restricted mode', () => {
  it('opens the workspace untrusted and still activates Multiplier (limited support)', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness opened this server with workspace trust on');
    const extension = vscode.extensions.getExtension('multiplier-dev.multiplier');
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
