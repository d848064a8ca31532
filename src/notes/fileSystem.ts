/**
 * Notes as real Markdown editors: `multiplier-note:/<id>.md` shows the note's body; saving goes
 * through the store's compare-and-swap. A failed save throws a FileSystemError, so the editor keeps
 * the text dirty and "Retry" works; a conflict keeps the user's text as a visible copy.
 */
import * as vscode from 'vscode';
import { NoteStoreError } from './errors';
import type { NotesService } from './service';

export class NoteFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  /** The revision each open note was read at: the expected value for its next save. */
  private readonly seen = new Map<string, number>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly notes: NotesService) {
    this.subscription = notes.onDidChange(() => this.fireAllOpen());
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined); // changes are announced by onDidChangeFile
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const note = await this.read(uri);
    return {
      type: vscode.FileType.File,
      ctime: Date.parse(note.created),
      // Changes with every save, so the editor notices another window's save.
      mtime: Date.parse(note.updated) + (note.revision % 1000),
      size: Buffer.byteLength(note.body, 'utf8'),
    };
  }

  async readDirectory(): Promise<[string, vscode.FileType][]> {
    const store = await this.notes.store();
    return store.list().map((note) => [`${note.id}.md`, vscode.FileType.File]);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const note = await this.read(uri);
    this.seen.set(note.id, note.revision);
    return Buffer.from(note.body, 'utf8');
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): Promise<void> {
    const id = this.idOrThrow(uri);
    const store = await this.notes.store().catch((error: unknown) => {
      throw asFileSystemError(error, uri);
    });
    const body = new TextDecoder('utf-8').decode(content);
    const known = this.seen.get(id) ?? store.cached(id)?.revision;
    try {
      if (known === undefined) {
        if (!options.create) throw vscode.FileSystemError.FileNotFound(uri);
        const note = await store.create({ id, kind: 'note', body });
        this.seen.set(id, note.revision);
        return;
      }
      const outcome = await store.save(id, { body }, known);
      this.seen.set(id, outcome.note.revision);
      if (outcome.status === 'conflict') {
        // Their version stays in this editor (reloaded below); ours is a note of its own, opened beside.
        const copyUri = this.notes.uriFor(outcome.copy.id);
        void vscode.window
          .showWarningMessage('Another window saved this note first. Your version was kept as a conflict copy.', 'Open Conflict Copy', 'Compare')
          .then((choice) => {
            if (choice === 'Open Conflict Copy') void this.notes.open(copyUri);
            if (choice === 'Compare') void vscode.commands.executeCommand('vscode.diff', uri, copyUri, 'Growth note ↔ your conflict copy');
          });
        setTimeout(() => this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]), 0);
      }
    } catch (error) {
      throw asFileSystemError(error, uri);
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
    throw vscode.FileSystemError.NoPermissions('Growth notes have no folders.');
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions('Growth notes cannot be renamed; their title is their first heading.');
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
    const id = this.notes.idOf(uri);
    if (!id) throw vscode.FileSystemError.FileNotFound(uri);
    return id;
  }

  private fireAllOpen(): void {
    const changes = [...this.seen.keys()].map((id) => ({ type: vscode.FileChangeType.Changed, uri: this.notes.uriFor(id) }));
    if (changes.length > 0) this.emitter.fire(changes);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
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
