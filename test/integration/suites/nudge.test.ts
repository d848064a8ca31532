import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { requestScreenshot, underHarness } from '../host/screenshot';
import { multiplier } from '../host/api';
import { inspect, TEST_KIND } from './nudge-inspect';

const EXTENSION_ID = 'multiplier-dev.multiplier';
describe('Nudges and focus', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  after(async () => {
    // The reload phase starts with VS Code's own window reload, which saves state first, as a user's would.
    await vscode.commands.executeCommand('multiplier.focus.stop');
  });

  it('starts a focus block from the command, shows it, and stops it', async function () {
    const { clock } = await multiplier();
    const before = clock.now();
    await vscode.commands.executeCommand('multiplier.focus.start', 25);
    const during = await inspect('review.reminder');
    assert.equal(during.focusActive, true);
    assert.ok(during.state.focusUntil! >= before + 25 * 60_000 && during.state.focusUntil! <= clock.now() + 25 * 60_000);
    assert.match(during.quietReason ?? '', /^focus block until /);
    assert.equal(during.decision?.channel, 'view', 'no toast may interrupt a focus block');
    assert.match(during.decision?.reason ?? '', /^focus block until /);

    if (underHarness()) {
      const reply = await requestScreenshot('focus-status-item', ['Focus until']);
      assert.equal(reply?.error, undefined);
      assert.deepEqual(reply?.missingText, [], 'the focus status item is visible');
    }

    await vscode.commands.executeCommand('multiplier.focus.stop');
    const after = await inspect();
    assert.equal(after.focusActive, false);
    assert.equal(after.state.focusUntil, undefined);
  });

  it('mutes a kind ("never for this kind") and the next decision honours it', async () => {
    await vscode.commands.executeCommand('multiplier.nudges.resetMuted', [TEST_KIND]);
    assert.notEqual((await inspect(TEST_KIND)).decision?.channel, 'suppressed');
    await (await multiplier()).nudges.mute(TEST_KIND);
    const muted = await inspect(TEST_KIND);
    assert.deepEqual(muted.decision, { channel: 'suppressed', reason: 'muted kind' });
    assert.ok(muted.state.neverKinds.includes(TEST_KIND));
    // Other kinds are untouched. (The reload suite checks that the mute survives a window reload.)
    assert.notEqual((await inspect('integration.other-kind')).decision?.channel, 'suppressed');
  });

  it('snoozes all nudges and resumes them', async () => {
    await vscode.commands.executeCommand('multiplier.nudges.snoozeAll', 30);
    assert.match((await inspect('integration.other-kind')).decision?.reason ?? '', /^snoozed until /);
    await vscode.commands.executeCommand('multiplier.nudges.snoozeAll', 0);
    assert.notEqual((await inspect('integration.other-kind')).decision?.channel, 'suppressed');
  });
});
