import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { inspect, TEST_KIND } from './nudge-inspect';

describe('Nudges after a window reload', () => {
  before(async () => {
    await vscode.extensions.getExtension('multiplier-dev.multiplier')?.activate();
  });

  it('still mutes the kind muted before the reload (globalState persisted it)', async () => {
    const after = await inspect(TEST_KIND);
    assert.deepEqual(after.decision, { channel: 'suppressed', reason: 'muted kind' });
    await vscode.commands.executeCommand('multiplier.nudges.resetMuted', [TEST_KIND]);
    assert.notEqual((await inspect(TEST_KIND)).decision?.channel, 'suppressed');
  });
});
