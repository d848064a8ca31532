// Growth notes that belong to a week: Prepare 1:1 updates this week's prep note instead of
// duplicating it, and Export suggests growth-notes-YYYY-MM-DD.md in the home folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { noteIdFromUri } from '../../../src/notes/model/uri';
import { multiplier } from '../host/api';
import { QUICK_INPUT, requestScreenshot, typeInWorkbench, underHarness } from '../host/screenshot';

describe('Growth notes of the week', function () {
  this.timeout(60_000);
  // A Thursday in a week no other suite writes notes in.
  const INSTANT = Date.parse('2031-02-06T12:00:00Z');

  before(async () => (await multiplier()).clock.setNow(INSTANT));
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    (await multiplier()).clock.reset();
  });

  const prepNotes = async () =>
    (await (await multiplier()).notes.state()).notes.filter((n) => n.kind === 'one-on-one' && n.created.startsWith('2031-02'));

  it('updates this week’s 1:1 prep, keeping what was written under To discuss', async () => {
    const first = await vscode.commands.executeCommand<vscode.Uri>('multiplier.notes.prepareOneOnOne', { open: true });
    assert.ok(first);
    const document = await vscode.workspace.openTextDocument(first);
    const editor = await vscode.window.showTextDocument(document);
    const text = document.getText();
    const at = text.indexOf('## To discuss');
    assert.ok(at >= 0, text);
    assert.ok(await editor.edit((edit) => edit.insert(document.positionAt(document.getText().length), 'Ask about the on-call rota\n')));
    assert.ok(await document.save());
    await vscode.commands.executeCommand('multiplier.notes.capture', { text: 'Paired with Sam on the parser #pairing', open: false });

    const again = await vscode.commands.executeCommand<vscode.Uri>('multiplier.notes.prepareOneOnOne', { open: false });
    assert.equal(noteIdFromUri(again!), noteIdFromUri(first), 'the same note');
    const notes = await prepNotes();
    assert.equal(notes.length, 1, 'one prep note this week, however often it runs');
    assert.ok(notes[0].body.includes('Ask about the on-call rota'), 'what the user wrote is kept');
    assert.ok(notes[0].body.includes('## Paired with Sam on the parser'), 'the new note is gathered');
    assert.ok(notes[0].body.includes('#pairing'), 'tags stay in the text');
  });

  it('suggests growth-notes-YYYY-MM-DD.md in the home folder when exporting', async function () {
    if (!underHarness()) this.skip(); // the dialogs need the harness's browser
    const exported = vscode.commands.executeCommand('multiplier.notes.export');
    await typeInWorkbench({ waitFor: QUICK_INPUT, text: 'One Markdown document', keys: ['Enter'] });
    // VS Code's own save dialog (the simple one in a browser) opens on the suggested path.
    const reply = await requestScreenshot('notes-export-dialog', ['Export']);
    assert.equal(reply?.error, undefined);
    await typeInWorkbench({ waitFor: QUICK_INPUT, keys: ['Escape'] });
    assert.equal(await exported, undefined, 'cancelled: nothing written');
  });
});
