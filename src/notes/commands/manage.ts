/** Commands on existing notes: search, open, delete (with undo), tag, reveal a link. */
import * as vscode from 'vscode';
import { displayText } from '../../core/text';
import type { NotesController } from '../controller';
import { describeLink } from '../model/documents';
import type { NoteLink } from '../model/types';
import { resolveFileLink } from '../source/links';
import { guarded, pickId, searchPick, type NoteTarget } from './shared';

export async function search(notes: NotesController): Promise<void> {
  const id = await searchPick(notes, vscode.l10n.t('Search growth notes by title, #tag or text'));
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
    const del = vscode.l10n.t('Delete');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Delete the growth note "{0}"?', title),
      { modal: true, detail: vscode.l10n.t('It moves to the notes trash; you can undo right after.') },
      del,
    );
    if (choice !== del) return undefined;
  }
  const token = await store.remove(id);
  const undo = vscode.l10n.t('Undo');
  void vscode.window.showInformationMessage(vscode.l10n.t('Deleted "{0}".', title), undo).then(async (choice) => {
    if (choice === undo) await guarded(() => store.undoRemove(token))();
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
      title: vscode.l10n.t('Tag Growth Note'),
      prompt: vscode.l10n.t('Tags, separated by spaces or commas'),
      value: note.tags.join(' '),
      placeHolder: vscode.l10n.t('testing architecture giving-feedback'),
    }));
  if (input === undefined) return undefined;
  const outcome = await store.save(id, { tags: input.split(/[\s,]+/) }, note.revision);
  if (outcome.status === 'conflict')
    void vscode.window.showWarningMessage(vscode.l10n.t('The note changed meanwhile; the tags were saved on a conflict copy.'));
  return outcome.note.tags;
}

export async function revealLink(notes: NotesController, target?: NoteTarget): Promise<void> {
  const id = await pickId(notes, target);
  if (!id) return;
  const note = await (await notes.store()).read(id);
  if (note.links.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t('This note has no links.'));
  const picked = note.links.length === 1 ? note.links[0] : await pickLink(note.links);
  if (!picked) return;
  if (picked.type === 'file') {
    const uri = resolveFileLink(picked.path);
    if (!uri)
      return void vscode.window.showWarningMessage(
        vscode.l10n.t('Open a folder to reveal {0}.', displayText(picked.path, { maxLength: 200 })),
      );
    const line = Math.max(0, (picked.line ?? 1) - 1);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0) });
  } else if (picked.type === 'commit') {
    await vscode.env.clipboard.writeText(picked.sha);
    void vscode.window.showInformationMessage(vscode.l10n.t('Commit {0} copied to the clipboard.', picked.sha.slice(0, 12)));
  } else {
    await vscode.env.openExternal(vscode.Uri.parse(picked.url));
  }
}

async function pickLink(links: readonly NoteLink[]): Promise<NoteLink | undefined> {
  // Paths and URLs came from a repository or GitHub: shown neutralised and bounded.
  const items = links.map((link) => ({ label: displayText(describeLink(link), { maxLength: 200 }), link }));
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Reveal Linked File, Commit or PR') }))?.link;
}
