import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { multiplier } from './api';

/**
 * Opens `file` and edits it the way a person does while working: `count` appended lines,
 * `minutesApart` apart on the extension's clock (under the coach's idle gap, so it counts as
 * active editing), then saves. The clock is moved, not waited for: the edits happen over
 * simulated minutes in a moment of real time, and the clock stays at the last edit.
 */
export async function editActively(
  file: vscode.Uri,
  lineFor: (i: number) => string,
  count: number,
  minutesApart: number,
): Promise<vscode.TextDocument> {
  const { clock } = await multiplier();
  const start = clock.now();
  const document = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(document);
  for (let i = 0; i < count; i++) {
    clock.setNow(start + i * minutesApart * 60_000);
    // Wait for the change event before moving the clock again: the extension reads the clock when
    // the event reaches it, and that may be after applyEdit resolves.
    const changed = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === document && e.contentChanges.length > 0) {
          listener.dispose();
          resolve();
        }
      });
    });
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(document.lineCount - 1, 0), `${lineFor(i)}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await changed;
  }
  await document.save();
  return document;
}
