/**
 * Notes as one Markdown document (export, 1:1 prep) and the import merge plan. Pure.
 */
import { createHash } from 'node:crypto';
import { wallClockAt } from '../../core/time/wallclock';
import { parseNote } from './format';
import { KIND_LABELS, noteTitle } from './summaries';
import type { Note, NoteLink } from './types';

/** Marks where each note starts in an exported document, so the document can be imported again. */
const MARKER = /^<!-- multiplier-note (\{.*\}) -->$/;

/** Same text, same hash: line endings and trailing blanks do not count. */
export function contentHash(body: string): string {
  const normal = body
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim();
  return createHash('sha256').update(normal).digest('hex').slice(0, 32);
}

export function describeLink(link: NoteLink): string {
  switch (link.type) {
    case 'file':
      return link.line ? `${link.path}:${link.line}` : link.path;
    case 'commit':
      return `commit ${link.sha.slice(0, 12)}`;
    case 'pr':
      return link.url;
  }
}

/** The file an export suggests: growth-notes-YYYY-MM-DD.md, by the local date (this machine's zone by default). */
export function exportFileName(now: number, timeZone?: string): string {
  return `growth-notes-${wallClockAt(now, timeZone).dayKey}.md`;
}

/** All notes in one Markdown file, oldest first, each section re-importable. */
export function exportDocument(notes: readonly Note[], exportedAt: string): string {
  const parts = [`# Growth notes`, '', `Exported ${exportedAt.slice(0, 10)} · ${notes.length} note${notes.length === 1 ? '' : 's'}`, ''];
  for (const note of [...notes].sort(byCreated)) {
    // The marker carries the front matter as one JSON line; the body follows untouched.
    const header = { id: note.id, kind: note.kind, created: note.created, updated: note.updated, tags: note.tags, links: note.links };
    parts.push('', `<!-- multiplier-note ${JSON.stringify(header).replace(/--/g, '\\u002d\\u002d')} -->`, note.body.replace(/\n*$/, '\n'));
  }
  return parts.join('\n');
}

/** The `## To discuss` heading of a 1:1 prep: what follows it is the user's own, kept on refresh. */
export const TO_DISCUSS = '## To discuss';

/** The last `count` notes (newest first) gathered for a 1:1, with their links and tags. */
export function oneOnOneDocument(notes: readonly Note[], count: number, preparedAt: string): string {
  const recent = [...notes].sort(byCreated).reverse().slice(0, count);
  const parts = [
    `# 1:1 prep — ${preparedAt.slice(0, 10)}`,
    '',
    `The last ${recent.length} growth note${recent.length === 1 ? '' : 's'}.`,
    '',
  ];
  for (const note of recent) {
    const meta = [KIND_LABELS[note.kind], note.created.slice(0, 10), ...note.tags.map((tag) => `#${tag}`)].join(' · ');
    parts.push(`## ${noteTitle(note)}`, '', `_${meta}_`, '');
    const body = stripFirstHeading(note.body).trim();
    if (body) parts.push(demoteHeadings(body), '');
    if (note.links.length > 0) parts.push(...note.links.map((link) => `- ${describeLink(link)}`), '');
  }
  parts.push(TO_DISCUSS, '', '- ', '');
  return parts.join('\n');
}

/**
 * A regenerated note that keeps what the user wrote: the fresh text up to `heading`, then the
 * existing note's section from `heading` on. Without that section in either, the fresh text.
 */
export function keepSection(existing: string, fresh: string, heading: string): string {
  const at = (body: string): number => {
    const match = new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \t]*$`, 'm').exec(body);
    return match ? match.index : -1;
  };
  const mine = at(existing);
  const theirs = at(fresh);
  if (mine < 0 || theirs < 0) return fresh;
  return fresh.slice(0, theirs) + existing.slice(mine);
}

function stripFirstHeading(body: string): string {
  return body.replace(/^\s*#\s+[^\n]*\n?/, '');
}

function demoteHeadings(body: string): string {
  return body.replace(/^(#{1,5})\s/gm, '#$1 ');
}

function byCreated(a: Note, b: Note): number {
  return a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1;
}

/** One file or section offered for import. `note` is set when it is one of ours. */
export interface IncomingNote {
  source: string;
  note?: Note;
  /** The raw Markdown of a foreign file (not one of our notes). */
  text?: string;
}

/** Splits an exported document back into notes; text before the first marker is ignored. */
export function parseExportDocument(text: string, source: string): IncomingNote[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const found: IncomingNote[] = [];
  let header: Record<string, unknown> | undefined;
  let body: string[] = [];
  const flush = (): void => {
    if (!header) return;
    const front = [
      '---',
      'version: 2',
      `id: ${JSON.stringify(header.id)}`,
      `kind: ${JSON.stringify(header.kind)}`,
      `created: ${JSON.stringify(header.created)}`,
      `updated: ${JSON.stringify(header.updated ?? header.created)}`,
      'revision: 0',
      `tags: ${JSON.stringify(header.tags ?? [])}`,
      `links: ${JSON.stringify(header.links ?? [])}`,
      '---',
      '',
    ].join('\n');
    const parsed = parseNote(front + body.join('\n').replace(/\n+$/, '\n'));
    found.push(parsed.ok ? { source, note: parsed.note } : { source, text: body.join('\n') });
  };
  for (const line of lines) {
    const match = MARKER.exec(line);
    if (match) {
      flush();
      body = [];
      try {
        header = JSON.parse(match[1] ?? '{}') as Record<string, unknown>;
      } catch {
        header = undefined;
      }
      continue;
    }
    if (header) body.push(line);
  }
  flush();
  return found;
}

export type ImportAction =
  | { action: 'skip'; source: string; reason: 'same-content'; existingId: string }
  | { action: 'create'; source: string; note: Note }
  /** Same id, different text: keep ours, add theirs beside it (never overwrite on import). */
  | { action: 'create-copy'; source: string; note: Note; copyOf: string };

/**
 * Decides what importing `incoming` into `existing` does. Never duplicates: a note whose text
 * already exists anywhere (by id and content, or by content hash for foreign files) is skipped,
 * so importing the same export twice changes nothing.
 */
export function planImport(
  existing: readonly Note[],
  incoming: readonly IncomingNote[],
  options: { now: string; newId: () => string },
): ImportAction[] {
  const byId = new Map(existing.map((note) => [note.id, note]));
  const hashes = new Map<string, string>();
  const remember = (note: Note): void => {
    hashes.set(contentHash(note.body), note.id);
    const imported = note.extra['imported-hash'];
    if (imported) hashes.set(imported.replace(/"/g, ''), note.id);
  };
  existing.forEach(remember);
  const actions: ImportAction[] = [];
  for (const item of incoming) {
    const body = item.note ? item.note.body : (item.text ?? '');
    const hash = contentHash(body);
    const sameText = hashes.get(hash);
    if (item.note) {
      const local = byId.get(item.note.id);
      if (local && contentHash(local.body) === hash) {
        actions.push({ action: 'skip', source: item.source, reason: 'same-content', existingId: local.id });
        continue;
      }
      if (sameText !== undefined) {
        actions.push({ action: 'skip', source: item.source, reason: 'same-content', existingId: sameText });
        continue;
      }
      const note: Note = { ...item.note, revision: 0, extra: { ...item.note.extra, 'imported-hash': hash } };
      if (local) {
        const copy: Note = { ...note, id: options.newId() };
        actions.push({ action: 'create-copy', source: item.source, note: copy, copyOf: local.id });
        remember(copy);
      } else {
        actions.push({ action: 'create', source: item.source, note });
        byId.set(note.id, note);
        remember(note);
      }
      continue;
    }
    if (body.trim() === '') continue;
    if (sameText !== undefined) {
      actions.push({ action: 'skip', source: item.source, reason: 'same-content', existingId: sameText });
      continue;
    }
    const note: Note = {
      id: options.newId(),
      kind: 'note',
      created: options.now,
      updated: options.now,
      revision: 0,
      tags: ['imported'],
      links: [],
      body: body.endsWith('\n') ? body : `${body}\n`,
      extra: { 'imported-hash': hash },
    };
    actions.push({ action: 'create', source: item.source, note });
    remember(note);
  }
  return actions;
}
