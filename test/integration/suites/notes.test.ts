import * as assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { noteIdFromUri } from '../../../src/notes/model/uri';
import { multiplier } from '../host/api';
import { requestScreenshot, underHarness } from '../host/screenshot';
import { waitForSnapshot } from './git-helpers';
import { CAPTURE_TEXT, EDIT_TEXT, inspectNotes } from './notes-inspect';

describe('Growth notes', function () {
  this.timeout(60_000);
  let uri: vscode.Uri;
  let id: string;

  // A Wednesday noon (UTC): the same week, Monday 2026-11-30, in every time zone the host may use.
  const INSTANT = Date.parse('2026-12-02T12:00:00Z');

  before(async () => {
    (await multiplier()).clock.setNow(INSTANT);
  });

  after(async () => {
    (await multiplier()).clock.reset();
  });

  it('captures a note linked to the current file, line and commit', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const file = vscode.Uri.joinPath(folder.uri, 'notes-target.txt');
    await vscode.workspace.fs.writeFile(file, Buffer.from('one\ntwo\nthree\nfour\n'));
    const editor = await vscode.window.showTextDocument(file);
    editor.selection = new vscode.Selection(2, 1, 2, 1);
    // The git source starts on first use; capture once it knows the repository's HEAD.
    await waitForSnapshot((all) => all.some((s) => s.repoRoot === folder.uri.fsPath && s.head !== undefined), 'HEAD of the workspace');
    await vscode.window.showTextDocument(file);
    uri = (await vscode.commands.executeCommand<vscode.Uri>('multiplier.notes.capture', { text: CAPTURE_TEXT, open: false }))!;
    assert.ok(uri, 'capture returned the note uri');
    id = noteIdFromUri(uri) ?? '';
    const links = (await inspectNotes()).notes.find((note) => note.id === id)?.links ?? [];
    assert.equal(uri.scheme, 'multiplier-note');
    assert.equal(uri.path, `/${id}/Asked before telling in review.md`, 'the uri carries the title after the id');
    assert.deepEqual(links[0], { type: 'file', path: 'notes-target.txt', line: 3 });
    assert.match(JSON.stringify(links[1]), /"type":"commit","sha":"[0-9a-f]{40}"/);
    const note = (await inspectNotes()).notes.find((n) => n.id === id);
    assert.deepEqual(note?.tags, ['testing']);
    assert.equal(note?.body, '# Asked before telling in review\n\n');
  });

  it('opens as a Markdown editor and saves through the store', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'markdown');
    const editor = await vscode.window.showTextDocument(document);
    // The tab reads like the note, not like its id.
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'Asked before telling in review.md');
    assert.equal(await editor.edit((edit) => edit.insert(document.lineAt(document.lineCount - 1).range.end, EDIT_TEXT + '\n')), true);
    assert.equal(document.isDirty, true, 'the edit made the note dirty');
    const saved = await document.save();
    assert.equal(document.isDirty, false, `saved (save() said ${saved}, version ${document.version})`);
    assert.equal(saved, true);
    const { dir } = await inspectNotes();
    const onDisk = readFileSync(join(dir, `${id}.md`), 'utf8');
    assert.match(onDisk, /\nrevision: 2\n/);
    assert.ok(onDisk.endsWith(`# Asked before telling in review\n\n${EDIT_TEXT}\n`), onDisk);
    assert.match(readFileSync(join(dir, `${id}.md.bak`), 'utf8'), /\nrevision: 1\n/);
  });

  it('shows the note in the view by week and by tag, with counts', async () => {
    const { weeks, tags } = await inspectNotes();
    const week = weeks.find((group) => group.label === 'Week of 2026-11-30');
    assert.ok(week, `a group for the week of the captured note: ${JSON.stringify(weeks)}`);
    assert.ok(week.ids.includes(id));
    assert.equal(week.count, String(week.ids.length));
    const tag = tags.find((group) => group.label === '#testing');
    assert.ok(tag?.ids.includes(id), JSON.stringify(tags));
    if (underHarness()) {
      // The view beside the open note: the screenshot the issue asks for.
      await vscode.window.showTextDocument(uri);
      await vscode.commands.executeCommand('multiplier.growthNotes.focus');
      const reply = await requestScreenshot('growth-notes', ['Growth Notes', 'By week', 'By tag', EDIT_TEXT]);
      assert.equal(reply?.error, undefined);
      assert.deepEqual(
        reply?.missingText.filter((text) => text !== EDIT_TEXT),
        [],
      );
    }
  });

  it('exports one Markdown document with the note', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'notes-export-')), 'growth-notes.md');
    const count = await vscode.commands.executeCommand<number>('multiplier.notes.export', { format: 'document', target });
    assert.ok(count && count >= 1);
    const text = readFileSync(target, 'utf8');
    assert.match(text, /^# Growth notes\n/);
    assert.ok(text.includes(`<!-- multiplier-note {"id":"${id}","kind":"note"`), text);
    assert.ok(text.includes(`"tags":["testing"]`));
    assert.ok(text.includes(`# Asked before telling in review\n\n${EDIT_TEXT}\n`));
  });
});
