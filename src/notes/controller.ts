/**
 * services.notes: owns the store for this window, opened lazily on first use (no disk read at
 * activation; its code loads then too, from dist/notes.js), and turns store warnings and errors
 * into editor messages.
 */
import * as vscode from 'vscode';
import { join } from 'node:path';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/vscode/logger';
import type { CoachAnswerInput, NotesApi } from './api';
import { notesRuntime } from './load';
import type { LoadReport, NoteStore } from './source/store';
import type { NoteKind, NoteLink } from './model/types';
import { NOTE_SCHEME, noteIdFromUri, notePath } from './model/uri';

export { NOTE_SCHEME } from './model/uri';
const NOTES_FOLDER = 'growth-notes';

export class NotesController implements NotesApi, vscode.Disposable {
  private opened?: Promise<NoteStore>;
  /** The store once loaded, for synchronous look-ups (a note's title for its uri). */
  private loaded?: NoteStore;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** True when no folder is open and notes go to the global storage instead. */
  readonly usingGlobalStorage: boolean;
  readonly dir: string;
  private storeSubscription?: { dispose(): void };
  /** Problem messages shown since the window opened (one per load at most), for tests. */
  messagesShown = 0;

  constructor(
    context: vscode.ExtensionContext,
    private readonly log: Logger,
    private readonly clock: Clock,
  ) {
    this.usingGlobalStorage = context.storageUri === undefined;
    this.dir = join((context.storageUri ?? context.globalStorageUri).fsPath, NOTES_FOLDER);
  }

  /** The opened store; the first call loads the folder and reports repairs once. */
  store(): Promise<NoteStore> {
    this.opened ??= this.openStore().catch((error: unknown) => {
      this.opened = undefined; // let the next call try again (the folder may become writable)
      throw error;
    });
    return this.opened;
  }

  private async openStore(): Promise<NoteStore> {
    const store = new (notesRuntime().NoteStore)(this.dir, { now: () => new Date(this.clock.now()) });
    this.storeSubscription?.dispose();
    this.storeSubscription = store.onDidChange(() => this.changed.fire());
    const report = await store.load();
    this.report(report);
    this.log.info(`notes: ${report.notes} notes in ${this.dir}`);
    this.loaded = store;
    return store;
  }

  /** Re-reads the folder (another window may have written), reporting new problems only. */
  async refresh(): Promise<NoteStore> {
    const store = await this.store();
    this.report(await store.load());
    this.changed.fire();
    return store;
  }

  /**
   * The uri that opens a note, named by its title so the tab reads like the note. A note already
   * open keeps its uri (its title may have changed since), so it never opens twice.
   */
  uriFor(id: string): vscode.Uri {
    const open = this.openUris().find((uri) => noteIdFromUri(uri) === id);
    if (open) return open;
    const title = this.loaded?.summary(id)?.title ?? '';
    return vscode.Uri.from({ scheme: NOTE_SCHEME, path: notePath(id, title) });
  }

  /** Notes in tabs, and unsaved ones (a closed document lingers in textDocuments; ignore those). */
  private openUris(): vscode.Uri[] {
    const inTabs = vscode.window.tabGroups.all.flatMap((group) =>
      group.tabs.flatMap((tab) =>
        tab.input instanceof vscode.TabInputText
          ? [tab.input.uri]
          : tab.input instanceof vscode.TabInputTextDiff
            ? [tab.input.modified, tab.input.original]
            : [],
      ),
    );
    const dirty = vscode.workspace.textDocuments.filter((document) => document.isDirty).map((document) => document.uri);
    return [...inTabs, ...dirty].filter((uri) => uri.scheme === NOTE_SCHEME);
  }

  async create(input: { kind: NoteKind; body: string; tags?: string[]; links?: NoteLink[]; open?: boolean }): Promise<vscode.Uri> {
    const store = await this.store();
    const note = await store.create({ kind: input.kind, body: input.body, tags: input.tags, links: input.links });
    const uri = this.uriFor(note.id);
    if (input.open !== false) await this.open(uri);
    return uri;
  }

  kindOf(uri: vscode.Uri): NoteKind | undefined {
    const id = noteIdFromUri(uri);
    return id === undefined ? undefined : this.loaded?.summary(id)?.kind;
  }

  async captureCoachAnswer(input: CoachAnswerInput): Promise<vscode.Uri> {
    return this.create({
      kind: 'coach-answer',
      body: notesRuntime().coachAnswerBody(input),
      tags: input.tags,
      links: input.links,
      open: input.open,
    });
  }

  async open(uri: vscode.Uri): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    // Put the cursor at the end, where the user's next words go.
    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    return editor;
  }

  /**
   * Store problems, said once: one problem is one message; several (five damaged files) are one
   * summary whose "Show Details" opens the log, where each is named.
   */
  private report(report: LoadReport): void {
    for (const warning of report.warnings) this.log.warn(`notes: ${warning}`);
    if (report.cleanedTemps > 0) this.log.info(`notes: removed ${report.cleanedTemps} unfinished temp file(s)`);
    const [first] = report.warnings;
    if (first === undefined) return;
    this.messagesShown++;
    if (report.warnings.length === 1) {
      void vscode.window.showWarningMessage(first, vscode.l10n.t('Show Log')).then((choice) => choice && this.log.show());
      return;
    }
    const restored = report.restored.length;
    const summary = [
      vscode.l10n.t(
        'Growth notes: {0} problems in the notes folder. Damaged files and unexpected entries were moved to quarantine/; nothing was deleted.',
        report.warnings.length,
      ),
      restored > 0 ? vscode.l10n.t('{0} of them were restored from their last good version.', restored) : '',
    ]
      .filter(Boolean)
      .join(' ');
    void vscode.window.showWarningMessage(summary, vscode.l10n.t('Show Details')).then((choice) => choice && this.log.show());
  }

  dispose(): void {
    this.storeSubscription?.dispose();
    this.changed.dispose();
  }
}
