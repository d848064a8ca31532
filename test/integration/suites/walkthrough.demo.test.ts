// Pictures for the walkthrough, taken from the real views on the demo repository in a light and a
// dark theme. They land in test-output/screenshots/walkthrough-*.png; `npm run walkthrough:media`
// copies them into media/walkthrough/, where package.json's walkthrough steps show them.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { editActively } from '../host/editing';
import { QUICK_INPUT, requestScreenshot, typeInWorkbench, underHarness } from '../host/screenshot';

const THEMES = [
  { name: 'light', theme: 'Default Light Modern', kind: vscode.ColorThemeKind.Light },
  { name: 'dark', theme: 'Default Dark Modern', kind: vscode.ColorThemeKind.Dark },
];
const refunds = (): vscode.Uri => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'src', 'billing', 'refunds.ts');
/** One view of the Multiplier container, header and body. */
const pane = (title: string): string => `.pane:has(> .pane-header[aria-label^="${title}"])`;

async function useTheme(theme: string, kind: vscode.ColorThemeKind): Promise<void> {
  if (vscode.window.activeColorTheme.kind === kind) return;
  const changed = new Promise<void>((resolve) => {
    const listener = vscode.window.onDidChangeActiveColorTheme((t) => {
      if (t.kind === kind) {
        listener.dispose();
        resolve();
      }
    });
  });
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
  await changed;
}

async function picture(name: string, selector: string, expectText: string[]): Promise<void> {
  const reply = await requestScreenshot(name, expectText, 30_000, { selector, viewport: { width: 1100, height: 1200 } });
  assert.equal(reply?.error, undefined);
  assert.deepEqual(reply?.missingText, [], `${name}: ${reply?.missingText.join(', ')}`);
}

describe('Walkthrough pictures', function () {
  this.timeout(120_000);
  let original: string | undefined;

  before(async function () {
    if (!underHarness()) this.skip();
    // A 40-minute stretch of editing (the clock is moved, not waited for), so the deep-work
    // picture shows a week with some focus in it.
    original = readFileSync(refunds().fsPath, 'utf8');
    await editActively(refunds(), (i) => `// step ${i}`, 41, 1);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Maya's uncommitted work on the file, as the demo made it.
    if (original !== undefined) writeFileSync(refunds().fsPath, original);
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
  });

  for (const { name, theme, kind } of THEMES) {
    it(`takes each view in the ${name} theme`, async () => {
      await useTheme(theme, kind);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.view.extension.multiplier');
      await vscode.commands.executeCommand('multiplier.reviewQueue.focus');
      await picture(`walkthrough-queue-${name}`, pane('Review Queue'), ['Waiting on you']);
      await vscode.commands.executeCommand('multiplier.coach.focus');
      await picture(`walkthrough-coach-${name}`, pane('Coach'), ['Never for this kind']);
      // The week's summary first: its first action puts the week into Growth Notes, so the notes
      // picture shows a note rather than the empty view.
      const shown = vscode.commands.executeCommand('multiplier.deepWork.showSummary');
      await typeInWorkbench({ waitFor: QUICK_INPUT });
      await picture(`walkthrough-deep-work-${name}`, QUICK_INPUT, ['Add this week to Growth Notes']);
      await typeInWorkbench({ waitFor: QUICK_INPUT, text: 'Add this week to Growth Notes', keys: ['Enter'] });
      await shown;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('multiplier.growthNotes.focus');
      await picture(`walkthrough-notes-${name}`, pane('Growth Notes'), ['By week']);
    });
  }
});
