/** How a suite looks at the real workbench: a screenshot that must show given texts, in a given theme. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { requestScreenshot } from './screenshot';

/** A screenshot of the workbench that fails the test unless every one of `expectText` is visible. */
export async function screenshotShowing(name: string, expectText: string[]): Promise<void> {
  const reply = await requestScreenshot(name, expectText);
  assert.ok(reply, 'the harness answered');
  assert.equal(reply.error, undefined);
  assert.deepEqual(reply.missingText, [], `not visible in ${name}: ${reply.missingText.join(', ')}`);
}

/** The workbench colour theme by name (`Default Dark Modern`); undefined goes back to the default. */
export async function setColorTheme(theme: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
}
