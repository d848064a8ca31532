/**
 * Export and import: a folder of note files (re-importable, for moving machines) or one Markdown
 * document (for a 1:1). Import never duplicates and never overwrites: see `planImport`.
 */
import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { writeFileAtomic } from './atomic';
import { NoteStoreError, toStoreError } from '../model/errors';
import { exportDocument, parseExportDocument, planImport, type IncomingNote } from '../model/documents';
import { MAX_NOTE_BYTES, parseNoteBytes, serializeNote, utf8Length } from '../model/format';
import { readRegularFile } from './safeFs';
import type { NoteStore } from './store';

export interface ImportReport {
  created: number;
  copies: number;
  skipped: number;
  /** Files that could not be read: links (never followed), folders, special files, broken notes. */
  unreadable: string[];
  /** Notes or sections over the store's 5 MB limit, refused before anything was written. */
  tooLarge: string[];
}

/** A whole exported document may hold many notes; each of them is still held to MAX_NOTE_BYTES. */
const MAX_IMPORT_FILE_BYTES = MAX_NOTE_BYTES * 4;

/** Writes every note as `<id>.md` into `target` (created if needed). Returns the count. */
export async function exportToFolder(store: NoteStore, target: string): Promise<number> {
  await store.load();
  try {
    await fs.mkdir(target, { recursive: true });
    for (const note of store.allCached()) await writeFileAtomic(target, `${note.id}.md`, serializeNote(note));
  } catch (error) {
    throw toStoreError(error, `exporting to ${target}`);
  }
  return store.allCached().length;
}

export async function exportToDocument(store: NoteStore, target: string, now: Date = new Date()): Promise<number> {
  await store.load();
  const notes = store.allCached();
  const dir = join(target, '..');
  await writeFileAtomic(dir, basename(target), exportDocument(notes, now.toISOString()));
  return notes.length;
}

/** Reads files (or every `.md` in folders) and merges them into the store. */
export async function importPaths(store: NoteStore, paths: readonly string[], now: Date = new Date()): Promise<ImportReport> {
  const report: ImportReport = { created: 0, copies: 0, skipped: 0, unreadable: [], tooLarge: [] };
  const incoming: IncomingNote[] = [];
  for (const path of await expand(paths, report)) {
    try {
      // Never through a link: an export folder with a link to /etc/passwd imports nothing from it.
      const file = await readRegularFile(path, MAX_IMPORT_FILE_BYTES);
      if (file.state === 'too-large') report.tooLarge.push(path);
      if (file.state !== 'ok') {
        if (file.state !== 'too-large') report.unreadable.push(path);
        continue;
      }
      for (const item of readIncoming(file.bytes, path)) {
        // The store's own limit, checked up front: nothing is created that the next open would quarantine.
        if (incomingBytes(item) > MAX_NOTE_BYTES) report.tooLarge.push(describeIncoming(item));
        else incoming.push(item);
      }
    } catch {
      report.unreadable.push(path);
    }
  }
  await store.load();
  const actions = planImport(store.allCached(), incoming, {
    now: now.toISOString(),
    newId: () => `imported-${now.toISOString().slice(0, 10)}-${Math.random().toString(16).slice(2, 12)}`,
  });
  for (const action of actions) {
    if (action.action === 'skip') {
      report.skipped++;
      continue;
    }
    const { note } = action;
    const input = { kind: note.kind, body: note.body, tags: note.tags, links: note.links, extra: note.extra, created: note.created };
    try {
      await store.create({ ...input, id: note.id });
    } catch (error) {
      if (error instanceof NoteStoreError && error.code === 'too-large') {
        report.tooLarge.push(describeIncoming({ source: action.source, note }));
        continue;
      }
      // The id was taken meanwhile (another window): keep the text under a fresh id instead.
      await store.create(input);
    }
    if (action.action === 'create-copy') report.copies++;
    else report.created++;
  }
  return report;
}

/** What the store would write for an incoming note, in bytes. */
function incomingBytes(item: IncomingNote): number {
  return item.note ? utf8Length(serializeNote(item.note)) : utf8Length(item.text ?? '');
}

function describeIncoming(item: IncomingNote): string {
  return item.note ? `${item.source} (note ${item.note.id})` : item.source;
}

/** One of our note files, an exported document, or any other Markdown file (foreign). */
export function readIncoming(bytes: Uint8Array, source: string): IncomingNote[] {
  const parsed = parseNoteBytes(bytes);
  if (parsed.ok) return [{ source, note: parsed.note }];
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('<!-- multiplier-note {')) return parseExportDocument(text, source);
  // Too large for a note: kept as foreign text here, so the size check reports it as too large.
  if (parsed.failure === 'no-front-matter' || parsed.failure === 'too-large') return [{ source, text }];
  throw new Error(parsed.detail);
}

/**
 * The files to read: each chosen file, and each `.md` file in a chosen folder. Links (chosen or in
 * a folder) are never followed: they are reported as unreadable.
 */
async function expand(paths: readonly string[], report: ImportReport): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const stat = await fs.lstat(path).catch(() => undefined);
    if (!stat) continue;
    if (stat.isFile()) files.push(path);
    else if (!stat.isDirectory()) report.unreadable.push(path);
    else {
      const entries = await fs.readdir(path, { withFileTypes: true });
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (!entry.name.endsWith('.md') || entry.name.startsWith('.')) continue;
        if (entry.isFile()) files.push(join(path, entry.name));
        else report.unreadable.push(join(path, entry.name));
      }
    }
  }
  return files;
}
