import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sleep } from './wait';

/**
 * Opens `file` and edits it the way a person does while working: `count` appended lines, `gapMs`
 * apart (well under the coach's idle gap, so it counts as active editing), then saves.
 */
export async function editActively(
  file: vscode.Uri,
  lineFor: (i: number) => string,
  count: number,
  gapMs: number,
): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(document);
  for (let i = 0; i < count; i++) {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(document.lineCount - 1, 0), `${lineFor(i)}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await sleep(gapMs);
  }
  await document.save();
  return document;
}
