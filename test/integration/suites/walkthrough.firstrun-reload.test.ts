// The same profile after a window reload: the first run is over, nothing opens again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { multiplier } from '../host/api';
import { requestScreenshot, underHarness } from '../host/screenshot';
import { waitFor } from '../host/wait';

const tabLabels = (): string[] => vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));

describe('First run, after a reload', function () {
  this.timeout(60_000);

  it('does not open the walkthrough again', async () => {
    const api = await multiplier();
    const firstRun = await waitFor(
      async () => api.onboarding.firstRun(),
      (f) => f.decision !== 'pending',
      'the first-run check',
    );
    assert.equal(firstRun.decision, 'already-done');
    assert.deepEqual(tabLabels(), [], 'no editor opened');
    if (underHarness()) {
      const reply = await requestScreenshot('walkthrough-not-again', []);
      assert.equal(reply?.error, undefined);
    }
  });
});
