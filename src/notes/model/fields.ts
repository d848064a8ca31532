/**
 * Reading front-matter values and the note's id, tags and links: shared by the v2 reader
 * (format.ts) and the v1 migration (migrate.ts). Pure.
 */
import type { Note, NoteLink } from './types';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,159}$/;

export type ParseFailure =
  | 'empty'
  | 'not-utf8'
  | 'no-front-matter'
  | 'truncated'
  | 'bad-field'
  | 'unsupported-version'
  | 'newer-version'
  | 'too-large'
  /** A link, a folder or a special file where a note file should be. */
  | 'not-a-file';

export type ParseResult = { ok: true; note: Note; migratedFrom?: number } | { ok: false; failure: ParseFailure; detail: string };

export function isValidNoteId(id: string): boolean {
  return ID_PATTERN.test(id) && !id.includes('..');
}

/** A front-matter value: JSON when it starts like JSON, else the bare text. */
export function readValue(raw: string): unknown {
  if (raw === '') return '';
  if (raw.startsWith('"') || raw.startsWith('[') || raw.startsWith('{')) return JSON.parse(raw);
  if (/^-?\d+$/.test(raw)) return Number(raw);
  return raw;
}

export function requireString(map: Map<string, string>, key: string): string {
  const raw = map.get(key);
  if (raw === undefined) throw new Error(`no ${key}`);
  const value = readValue(raw);
  if (typeof value !== 'string' || value === '') throw new Error(`${key} is not text`);
  return value;
}

export function requireDate(map: Map<string, string>, key: string): string {
  const value = requireString(map, key);
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new Error(`${key} "${value.slice(0, 40)}" is not a date`);
  return new Date(time).toISOString();
}

export function readTags(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((tag) => typeof tag === 'string')) throw new Error('tags is not a list of text');
  return normalizeTags(value as string[]);
}

/** Lower-case, trimmed, spaces to dashes, no duplicates, in first-seen order. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const clean = tag.trim().replace(/^#/, '').toLowerCase().replace(/\s+/g, '-');
    if (clean !== '') seen.add(clean);
  }
  return [...seen];
}

export function readLinks(value: unknown): NoteLink[] {
  if (!Array.isArray(value)) throw new Error('links is not a list');
  return value.map((item: unknown) => {
    const link = toLink(item);
    if (!link) throw new Error(`link ${JSON.stringify(item).slice(0, 60)} is not valid`);
    return link;
  });
}

export function toLink(item: unknown): NoteLink | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const record = item as Record<string, unknown>;
  if (record.type === 'file' && typeof record.path === 'string' && record.path !== '') {
    if (record.line === undefined) return { type: 'file', path: record.path };
    if (typeof record.line === 'number' && Number.isSafeInteger(record.line) && record.line > 0) {
      return { type: 'file', path: record.path, line: record.line };
    }
    return undefined;
  }
  if (record.type === 'commit' && typeof record.sha === 'string' && /^[0-9a-f]{4,64}$/i.test(record.sha)) {
    return typeof record.repo === 'string' ? { type: 'commit', sha: record.sha, repo: record.repo } : { type: 'commit', sha: record.sha };
  }
  if (record.type === 'pr' && typeof record.url === 'string' && /^https?:\/\//.test(record.url)) {
    return { type: 'pr', url: record.url };
  }
  return undefined;
}
