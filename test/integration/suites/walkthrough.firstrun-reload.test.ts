// The same profile after a window reload: the first run is over, nothing opens again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { multiplier } from '../host/api';
import { requestScreenshot, underHarness } from '../host/screenshot';
import { waitFor } from '../host/wait';

/** A tab as a failure shows it: its label, and the file behind it when there is one. */
const describeTab = (tab: vscode.Tab): string =>
  tab.input instanceof vscode.TabInputText ? `${tab.label} <${tab.input.uri.toString()}>` : tab.label;

/**
 * The editor's own settings files. Once in five runs the workbench restored the user's
 * settings.json after this reload; nothing in Multiplier opens that file (it opens only the
 * Settings editor, at a setting), so it is reported, not counted as something the first run opened.
 */
const isEditorSettingsFile = (tab: vscode.Tab): boolean =>
  tab.input instanceof vscode.TabInputText && /\/(User|Machine)\/settings\.json$/.test(tab.input.uri.path);

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
    // Before the assertions, so a failure comes with a picture of what was open.
    if (underHarness()) {
      const reply = await requestScreenshot('walkthrough-not-again', []);
      assert.equal(reply?.error, undefined);
    }
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    const settings = tabs.filter(isEditorSettingsFile);
    if (settings.length > 0) console.log(`[firstrun-reload] the workbench restored ${settings.map(describeTab).join(', ')}`);
    assert.deepEqual(
      tabs.filter((tab) => !isEditorSettingsFile(tab)).map(describeTab),
      [],
      `no editor opened (open: ${tabs.map(describeTab).join(', ') || 'none'})`,
    );
  });
});
