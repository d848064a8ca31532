/**
 * Export and import: a folder of note files (re-importable, for moving machines) or one Markdown
 * document (for a 1:1). Import never duplicates and never overwrites: see `planImport`.
 */
import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { writeFileAtomic } from './atomic';
import { toStoreError } from '../model/errors';
import { exportDocument, parseExportDocument, planImport, type IncomingNote } from '../model/documents';
import { MAX_NOTE_BYTES, parseNoteBytes, serializeNote } from '../model/format';
import type { NoteStore } from './store';

export interface ImportReport {
  created: number;
  copies: number;
  skipped: number;
  unreadable: string[];
}

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
  const report: ImportReport = { created: 0, copies: 0, skipped: 0, unreadable: [] };
  const incoming: IncomingNote[] = [];
  for (const path of await expand(paths)) {
    try {
      const stat = await fs.stat(path);
      if (stat.size > MAX_NOTE_BYTES * 4) throw new Error('too large');
      const bytes = await fs.readFile(path);
      incoming.push(...readIncoming(bytes, path));
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
    } catch {
      // The id was taken meanwhile (another window): keep the text under a fresh id instead.
      await store.create(input);
    }
    if (action.action === 'create-copy') report.copies++;
    else report.created++;
  }
  return report;
}

/** One of our note files, an exported document, or any other Markdown file (foreign). */
export function readIncoming(bytes: Uint8Array, source: string): IncomingNote[] {
  const parsed = parseNoteBytes(bytes);
  if (parsed.ok) return [{ source, note: parsed.note }];
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('<!-- multiplier-note {')) return parseExportDocument(text, source);
  if (parsed.failure === 'no-front-matter') return [{ source, text }];
  throw new Error(parsed.detail);
}

async function expand(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const stat = await fs.stat(path).catch(() => undefined);
    if (!stat) continue;
    if (!stat.isDirectory()) {
      files.push(path);
      continue;
    }
    for (const name of (await fs.readdir(path)).sort()) {
      if (name.endsWith('.md') && !name.startsWith('.')) files.push(join(path, name));
    }
  }
  return files;
}
