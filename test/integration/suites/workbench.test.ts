import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { requestScreenshot, underHarness } from '../host/screenshot';

describe('Workbench', () => {
  it('opens the Multiplier container with its three views', async function () {
    await vscode.commands.executeCommand('workbench.view.extension.multiplier');
    for (const view of ['multiplier.reviewQueue', 'multiplier.coach', 'multiplier.growthNotes']) {
      // Each view contributes a "<id>.focus" command once its container is known to the workbench.
      await vscode.commands.executeCommand(`${view}.focus`);
    }
    if (!underHarness()) this.skip(); // desktop test-cli has no browser to look at the page
    const reply = await requestScreenshot('workbench-multiplier-container', ['Review Queue', 'Coach', 'Growth Notes']);
    assert.ok(reply, 'the harness answered');
    assert.equal(reply.error, undefined);
    assert.deepEqual(reply.missingText, [], `views missing from the page: ${reply.missingText.join(', ')}`);
  });
});
