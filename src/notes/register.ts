/**
 * Growth Notes in the editor: the `multiplier-note:` file system, the view, the commands.
 * Nothing here reads the disk at activation; the store opens when the view or a command needs it.
 */
import * as vscode from 'vscode';
import type { Logger } from '../core/vscode/logger';
import type { Services } from '../core/services';
import { registerNoteCommands } from './commands';
import { NoteFileSystem } from './view/fileSystem';
import { NOTE_SCHEME, NotesService } from './controller';
import { NotesTree } from './view/tree';

export function createNotesService(context: vscode.ExtensionContext, log: Logger): NotesService {
  return new NotesService(context, log);
}

export function registerNotes(services: Services, notes: NotesService): vscode.Disposable {
  const fileSystem = new NoteFileSystem(notes);
  const tree = new NotesTree(notes);
  const view = vscode.window.createTreeView('multiplier.growthNotes', { treeDataProvider: tree, showCollapseAll: true });
  if (notes.usingGlobalStorage) {
    // Said once, where the notes are shown: without a folder they are not tied to a workspace.
    view.description = 'No folder open: notes are kept in global storage';
  }
  return vscode.Disposable.from(
    fileSystem,
    vscode.workspace.registerFileSystemProvider(NOTE_SCHEME, fileSystem, { isCaseSensitive: true }),
    tree,
    view,
    // Another window may write notes: re-read the folder when this window regains focus.
    vscode.window.onDidChangeWindowState((state) => {
      if (state.focused && view.visible) void notes.refresh().catch((error: unknown) => services.log.error('notes: refresh failed', error));
    }),
    registerNoteCommands(notes, services.git, services.review),
    // Internal (not in package.json): what the view shows, for the integration suites.
    vscode.commands.registerCommand('multiplier.internal.notesState', async () => {
      const store = await notes.refresh();
      const sections = await tree.getChildren();
      const groups = async (index: number) =>
        Promise.all(
          (await tree.getChildren(sections[index])).map(async (group) => ({
            label: tree.getTreeItem(group).label,
            count: tree.getTreeItem(group).description,
            ids: (await tree.getChildren(group)).map((note) => (note.type === 'note' ? note.note.id : '')),
          })),
        );
      return {
        dir: notes.dir,
        notes: store.allCached(),
        weeks: sections.length ? await groups(0) : [],
        tags: sections.length ? await groups(1) : [],
      };
    }),
  );
}
