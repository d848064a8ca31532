/**
 * Growth Notes in the editor: the `multiplier-note:` file system, the view, the commands.
 * Nothing here reads the disk at activation; the store opens when the view or a command needs it.
 * What is registered here are stand-ins: the real file system, tree and command handlers are in
 * dist/notes.js (./runtime.ts), loaded by the first call to any of them.
 */
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { firstUseCommands, registerCommands } from '../core/vscode/commands';
import { firstUseFileSystem, firstUseTree } from '../core/vscode/firstUse';
import type { Logger } from '../core/vscode/logger';
import type { GitApi } from '../git/api';
import type { NudgeApi } from '../nudge/api';
import type { ReviewApi } from '../review/api';
import { NOTES_COMMANDS } from './commands/ids';
import { NOTE_SCHEME, NotesController } from './controller';
import { notesRuntime } from './load';

export const GROWTH_NOTES_VIEW = 'multiplier.growthNotes';

export interface NotesDeps {
  context: vscode.ExtensionContext;
  log: Logger;
  clock: Clock;
  git: GitApi;
  review: ReviewApi;
  /** The deep-work meter's week, for its growth note. */
  nudges: NudgeApi;
}

export function createNotes({ context, log, clock }: Pick<NotesDeps, 'context' | 'log' | 'clock'>): NotesController {
  return new NotesController(context, log, clock);
}

export function registerNotes(notes: NotesController, deps: NotesDeps): vscode.Disposable {
  const fileSystem = firstUseFileSystem(() => new (notesRuntime().NoteFileSystem)(notes));
  const tree = firstUseTree(() => new (notesRuntime().NotesTree)(notes));
  const view = vscode.window.createTreeView(GROWTH_NOTES_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  if (notes.usingGlobalStorage) {
    // Said once, where the notes are shown: without a folder they are not tied to a workspace.
    view.description = vscode.l10n.t('No folder open: notes are kept in global storage');
  }
  return vscode.Disposable.from(
    fileSystem,
    vscode.workspace.registerFileSystemProvider(NOTE_SCHEME, fileSystem, { isCaseSensitive: true }),
    tree,
    view,
    // Another window may write notes: re-read the folder when this window regains focus.
    vscode.window.onDidChangeWindowState((state) => {
      if (state.focused && view.visible) void notes.refresh().catch((error: unknown) => deps.log.error('notes: refresh failed', error));
    }),
    registerCommands(
      firstUseCommands(NOTES_COMMANDS, () =>
        notesRuntime().notesCommands({ notes, clock: deps.clock, git: deps.git, review: deps.review, nudges: deps.nudges }),
      ),
    ),
  );
}
