/** What every notes command shares: how it names a note, and how it reports a failure. */
import * as vscode from 'vscode';
import type { NotesController } from '../controller';
import { displayText } from '../../core/text';
import { NoteStoreError } from '../model/errors';
import { isValidNoteId } from '../model/fields';
import { noteIdFromUri } from '../model/uri';
import type { NotesTreeNode } from '../view/tree';

/** A tree item, a note uri, a note id, or nothing (the active note editor, else a search). */
export type NoteTarget = NotesTreeNode | vscode.Uri | string | undefined;

/**
 * The note a command is about. An id passed as text (from another extension, a keybinding or a
 * `command:` link) must be one the store could have written: anything else names no note.
 */
export function idOf(target: NoteTarget): string | undefined {
  if (typeof target === 'string') {
    if (isValidNoteId(target)) return target;
    throw new NoteStoreError('not-found', vscode.l10n.t('There is no growth note "{0}".', displayText(target, { maxLength: 60 })));
  }
  if (target instanceof vscode.Uri) return noteIdFromUri(target);
  if (target?.type === 'note') return target.note.id;
  const active = vscode.window.activeTextEditor?.document.uri;
  return active ? noteIdFromUri(active) : undefined;
}

export async function pickId(notes: NotesController, target: NoteTarget): Promise<string | undefined> {
  return idOf(target) ?? (await searchPick(notes, vscode.l10n.t('Choose a growth note')));
}

/** Runs a command's work; a failure becomes one error message (the store's own words when it has them). */
export function guarded<A extends unknown[], R>(work: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await work(...args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(error instanceof NoteStoreError ? message : vscode.l10n.t('Growth notes: {0}', message));
      return undefined;
    }
  };
}

/** A quick pick that searches as you type; resolves to the chosen note's id. */
export async function searchPick(notes: NotesController, title: string): Promise<string | undefined> {
  const store = await notes.store();
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { id: string }>();
  pick.title = title;
  pick.placeholder = vscode.l10n.t('Words from the title or text, or #tag');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const update = (): void => {
    pick.items = store.search(pick.value, 100).map((note) => ({
      id: note.id,
      label: note.title,
      description: `${note.created.slice(0, 10)} ${note.tags.map((tag) => `#${tag}`).join(' ')}`,
      // Keep the items visible: VS Code's own filter must not hide body-text matches.
      alwaysShow: true,
    }));
  };
  update();
  const changed = pick.onDidChangeValue(update);
  try {
    return await new Promise<string | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]?.id));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    changed.dispose();
    pick.dispose();
  }
}
