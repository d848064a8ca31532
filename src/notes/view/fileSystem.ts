/**
 * Notes as real Markdown editors: `multiplier-note:/<id>/<title>.md` (or the older `/<id>.md`)
 * shows the note's body, titled by the note in its tab; saving goes
 * through the store's compare-and-swap. A failed save throws a FileSystemError, so the editor keeps
 * the text dirty and "Retry" works; a conflict keeps the user's text as a visible copy.
 */
import * as vscode from 'vscode';
import { NoteStoreError } from '../model/errors';
import type { NotesController } from '../controller';
import { fileNameForTitle, noteIdFromUri } from '../model/uri';

export class NoteFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  /**
   * The revision each opened uri was read at: the expected value for its next save. Per uri, not
   * per note: two editors of one note (e.g. opened under an older title) must not vouch for each other.
   */
  private readonly seen = new Map<string, { uri: vscode.Uri; revision: number }>();
  /** Uris whose save is running: the store's change event from that very save is not news to the editor. */
  private readonly saving = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly notes: NotesController) {
    this.subscription = notes.onDidChange(() => void this.fireChanged());
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined); // changes are announced by onDidChangeFile
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const folder = folderId(uri);
    if (folder !== undefined) {
      await this.read(uri.with({ path: `/${folder}.md` }));
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    const note = await this.read(uri);
    return {
      type: vscode.FileType.File,
      ctime: Date.parse(note.created),
      // Changes with every save, so the editor notices another window's save.
      mtime: Date.parse(note.updated) + (note.revision % 1000),
      size: Buffer.byteLength(note.body, 'utf8'),
    };
  }

  /** The root holds one folder per note id; each folder holds the note under its title. */
  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const store = await this.notes.store();
    const folder = folderId(uri);
    if (folder !== undefined) {
      const summary = store.summary(folder);
      if (!summary) throw vscode.FileSystemError.FileNotFound(uri);
      return [[fileNameForTitle(summary.title), vscode.FileType.File]];
    }
    if (uri.path !== '/') throw vscode.FileSystemError.FileNotADirectory(uri);
    return store.list().map((note) => [note.id, vscode.FileType.Directory]);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const note = await this.read(uri);
    this.seen.set(uri.toString(), { uri, revision: note.revision });
    return Buffer.from(note.body, 'utf8');
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): Promise<void> {
    const id = this.idOrThrow(uri);
    const store = await this.notes.store().catch((error: unknown) => {
      throw asFileSystemError(error, uri);
    });
    const body = new TextDecoder('utf-8').decode(content);
    const known = this.seen.get(uri.toString())?.revision ?? store.cached(id)?.revision;
    this.saving.add(uri.toString());
    try {
      if (known === undefined) {
        if (!options.create) throw vscode.FileSystemError.FileNotFound(uri);
        const note = await store.create({ id, kind: 'note', body });
        this.seen.set(uri.toString(), { uri, revision: note.revision });
        return;
      }
      const outcome = await store.save(id, { body }, known);
      this.seen.set(uri.toString(), { uri, revision: outcome.note.revision });
      if (outcome.status === 'conflict') {
        // Their version stays in this editor (reloaded below); ours is a note of its own, opened beside.
        const copyUri = this.notes.uriFor(outcome.copy.id);
        const openCopy = vscode.l10n.t('Open Conflict Copy');
        const compare = vscode.l10n.t('Compare');
        void vscode.window
          .showWarningMessage(
            vscode.l10n.t('Another window saved this note first. Your version was kept as a conflict copy.'),
            openCopy,
            compare,
          )
          .then((choice) => {
            if (choice === openCopy) void this.notes.open(copyUri);
            if (choice === compare) {
              void vscode.commands.executeCommand('vscode.diff', uri, copyUri, vscode.l10n.t('Growth note ↔ your conflict copy'));
            }
          });
        setTimeout(() => this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]), 0);
      }
    } catch (error) {
      throw asFileSystemError(error, uri);
    } finally {
      this.saving.delete(uri.toString());
    }
  }

  async delete(uri: vscode.Uri): Promise<void> {
    const store = await this.notes.store();
    try {
      await store.remove(this.idOrThrow(uri));
    } catch (error) {
      throw asFileSystemError(error, uri);
    }
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Growth notes have no folders.'));
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Growth notes cannot be renamed; their title is their first heading.'));
  }

  private async read(uri: vscode.Uri) {
    const id = this.idOrThrow(uri);
    const store = await this.notes.store().catch((error: unknown) => {
      throw asFileSystemError(error, uri);
    });
    try {
      return await store.read(id);
    } catch (error) {
      throw asFileSystemError(error, uri);
    }
  }

  private idOrThrow(uri: vscode.Uri): string {
    const id = noteIdFromUri(uri);
    if (!id) throw vscode.FileSystemError.FileNotFound(uri);
    return id;
  }

  /**
   * Tells the editor about open notes whose revision is no longer the one it read (another window's
   * save, a delete, a repair). Only those: a change event for an unchanged note makes the editor
   * re-check a document it may be saving.
   */
  private async fireChanged(): Promise<void> {
    const store = await this.notes.store().catch(() => undefined);
    const changes = [...this.seen.entries()]
      .filter(([key, { uri, revision }]) => {
        if (this.saving.has(key)) return false;
        const id = noteIdFromUri(uri);
        return id === undefined || store?.cached(id)?.revision !== revision;
      })
      .map(([, { uri }]) => ({ type: vscode.FileChangeType.Changed, uri }));
    if (changes.length > 0) this.emitter.fire(changes);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** `/<id>` alone: the folder a note's titled file lives in. */
function folderId(uri: vscode.Uri): string | undefined {
  const match = /^\/([^/]+)$/.exec(uri.path);
  if (!match?.[1] || match[1].endsWith('.md')) return undefined;
  return noteIdFromUri(uri.with({ path: `/${match[1]}.md` }));
}

/** Store errors become the editor's file errors; the message says the text is still there. */
export function asFileSystemError(error: unknown, uri: vscode.Uri): vscode.FileSystemError {
  if (error instanceof vscode.FileSystemError) return error;
  if (error instanceof NoteStoreError) {
    if (error.code === 'not-found') return vscode.FileSystemError.FileNotFound(uri);
    if (error.code === 'read-only' || error.code === 'permission') return vscode.FileSystemError.NoPermissions(error.message);
    return vscode.FileSystemError.Unavailable(error.message);
  }
  return vscode.FileSystemError.Unavailable(error instanceof Error ? error.message : String(error));
}
