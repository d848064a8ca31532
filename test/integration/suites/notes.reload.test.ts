import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { noteIdFromUri } from '../../../src/notes/model/uri';
import { CAPTURE_TEXT, EDIT_TEXT, inspectNotes } from './notes-inspect';

describe('Growth notes after a window reload', () => {
  before(async () => {
    await vscode.extensions.getExtension('multiplier-dev.multiplier')?.activate();
  });

  it('still has the captured and edited note', async () => {
    const title = CAPTURE_TEXT.replace(/\s#\S+/g, '');
    const note = (await inspectNotes()).notes.find((n) => n.body.startsWith(`# ${title}\n`));
    assert.ok(note, 'the note captured before the reload is listed');
    assert.ok(note.body.includes(EDIT_TEXT));
    const document = await vscode.workspace.openTextDocument(
      vscode.Uri.from({ scheme: 'multiplier-note', path: `/${note.id}/${title}.md` }),
    );
    assert.ok(document.getText().includes(EDIT_TEXT));
    assert.equal(noteIdFromUri(document.uri), note.id);
  });

  it('still opens a note by the first uri shape, /<id>.md', async () => {
    const note = (await inspectNotes()).notes.find((n) => n.body.includes(EDIT_TEXT));
    assert.ok(note);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'multiplier-note', path: `/${note.id}.md` }));
    assert.equal(document.getText(), note.body);
  });
});
