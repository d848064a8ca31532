// The first start in a profile with VS Code's default walkthroughs.openOnInstall: Multiplier's
// walkthrough opens by itself (VS Code does so only for extensions installed while a window is
// open; this one was installed with code-server's CLI, as a preinstalled extension is).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { multiplier } from '../host/api';
import { requestScreenshot, underHarness } from '../host/screenshot';
import { waitFor } from '../host/wait';

const tabLabels = (): string[] => vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));

describe('First run', function () {
  this.timeout(60_000);

  it('opens the walkthrough on the first start in a profile', async () => {
    const api = await multiplier();
    const firstRun = await waitFor(
      async () => api.onboarding.firstRun(),
      (f) => f.decision !== 'pending',
      'the first-run check',
    );
    assert.equal(firstRun.decision, 'opened');
    assert.equal(firstRun.stored?.opened, true);
    const labels = await waitFor(
      async () => tabLabels(),
      (l) => l.length > 0,
      'the walkthrough tab',
    );
    if (underHarness()) {
      const reply = await requestScreenshot('walkthrough-first-run', ['Get started with Multiplier', 'See what waits on your review']);
      assert.equal(reply?.error, undefined);
      assert.deepEqual(reply?.missingText, [], `tabs: ${labels.join(', ')}`);
    }
  });

  // Closed before the reload even when the test fails, so a restored editor can neither pass for
  // a second opening nor turn one failure into two.
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
