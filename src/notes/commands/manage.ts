/** Commands on existing notes: search, open, delete (with undo), tag, reveal a link. */
import * as vscode from 'vscode';
import { displayText } from '../../core/text';
import type { NotesController } from '../controller';
import { describeLink } from '../model/documents';
import type { NoteLink } from '../model/types';
import { resolveFileLink } from '../source/links';
import { guarded, pickId, searchPick, type NoteTarget } from './shared';

export async function search(notes: NotesController): Promise<void> {
  const id = await searchPick(notes, 'Search growth notes by title, #tag or text');
  if (id) await notes.open(notes.uriFor(id));
}

export async function open(notes: NotesController, target?: NoteTarget): Promise<void> {
  const id = await pickId(notes, target);
  if (id) await notes.open(notes.uriFor(id));
}

export async function remove(notes: NotesController, target?: NoteTarget, args?: { confirm?: boolean }): Promise<string | undefined> {
  const id = await pickId(notes, target);
  if (!id) return undefined;
  const store = await notes.store();
  const title = store.list().find((note) => note.id === id)?.title ?? id;
  if (args?.confirm !== false) {
    const choice = await vscode.window.showWarningMessage(
      `Delete the growth note "${title}"?`,
      { modal: true, detail: 'It moves to the notes trash; you can undo right after.' },
      'Delete',
    );
    if (choice !== 'Delete') return undefined;
  }
  const token = await store.remove(id);
  void vscode.window.showInformationMessage(`Deleted "${title}".`, 'Undo').then(async (choice) => {
    if (choice === 'Undo') await guarded(() => store.undoRemove(token))();
  });
  return token;
}

export async function tag(notes: NotesController, target?: NoteTarget, args?: { tags?: string[] }): Promise<string[] | undefined> {
  const id = await pickId(notes, target);
  if (!id) return undefined;
  const store = await notes.store();
  const note = await store.read(id);
  const input =
    args?.tags?.join(' ') ??
    (await vscode.window.showInputBox({
      title: 'Tag Growth Note',
      prompt: 'Tags, separated by spaces or commas',
      value: note.tags.join(' '),
      placeHolder: 'testing architecture giving-feedback',
    }));
  if (input === undefined) return undefined;
  const outcome = await store.save(id, { tags: input.split(/[\s,]+/) }, note.revision);
  if (outcome.status === 'conflict')
    void vscode.window.showWarningMessage('The note changed meanwhile; the tags were saved on a conflict copy.');
  return outcome.note.tags;
}

export async function revealLink(notes: NotesController, target?: NoteTarget): Promise<void> {
  const id = await pickId(notes, target);
  if (!id) return;
  const note = await (await notes.store()).read(id);
  if (note.links.length === 0) return void vscode.window.showInformationMessage('This note has no links.');
  const picked = note.links.length === 1 ? note.links[0] : await pickLink(note.links);
  if (!picked) return;
  if (picked.type === 'file') {
    const uri = resolveFileLink(picked.path);
    if (!uri) return void vscode.window.showWarningMessage(`Open a folder to reveal ${displayText(picked.path, { maxLength: 200 })}.`);
    const line = Math.max(0, (picked.line ?? 1) - 1);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0) });
  } else if (picked.type === 'commit') {
    await vscode.env.clipboard.writeText(picked.sha);
    void vscode.window.showInformationMessage(`Commit ${picked.sha.slice(0, 12)} copied to the clipboard.`);
  } else {
    await vscode.env.openExternal(vscode.Uri.parse(picked.url));
  }
}

async function pickLink(links: readonly NoteLink[]): Promise<NoteLink | undefined> {
  // Paths and URLs came from a repository or GitHub: shown neutralised and bounded.
  const items = links.map((link) => ({ label: displayText(describeLink(link), { maxLength: 200 }), link }));
  return (await vscode.window.showQuickPick(items, { title: 'Reveal Linked File, Commit or PR' }))?.link;
}
