/**
 * The on-disk format of one note: a strict, small subset of YAML front matter plus a Markdown body.
 * Every value is either a bare token or a single-line JSON value (which is also valid YAML), so we
 * can parse it ourselves without a dependency and without guessing. Pure: no I/O.
 */
import { isValidNoteId, readLinks, readTags, readValue, requireDate, requireString, type ParseFailure, type ParseResult } from './fields';
import { migrateV1 } from './migrate';
import { NOTE_KINDS, type Note, type NoteKind } from './types';

export const CURRENT_VERSION = 2;
/** Anything bigger is not a note someone typed; reading it would stall the extension host. */
export const MAX_NOTE_BYTES = 5 * 1024 * 1024;

const KEY_PATTERN = /^[a-z][a-z0-9-]*$/;
const BARE_VALUE = /^[A-Za-z0-9._:+-]*$/;
/** Keys the v2 writer owns; everything else is kept verbatim in `extra`. */
const V2_KEYS = new Set(['version', 'id', 'kind', 'created', 'updated', 'revision', 'tags', 'links', 'bytes']);

export function isNoteKind(value: string): value is NoteKind {
  return (NOTE_KINDS as readonly string[]).includes(value);
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Serialises a note in the current format. `parseNote(serializeNote(n))` gives back `n`. */
export function serializeNote(note: Note): string {
  const lines = [
    '---',
    `version: ${CURRENT_VERSION}`,
    `id: ${scalar(note.id)}`,
    `kind: ${note.kind}`,
    `created: ${scalar(note.created)}`,
    `updated: ${scalar(note.updated)}`,
    `revision: ${note.revision}`,
    `tags: ${JSON.stringify(note.tags)}`,
    `links: ${JSON.stringify(note.links)}`,
  ];
  for (const key of Object.keys(note.extra).sort()) {
    lines.push(`${key}: ${note.extra[key]}`);
  }
  // The body length lets us tell a truncated file from a short note.
  lines.push(`bytes: ${utf8Length(note.body)}`, '---', '');
  return lines.join('\n') + note.body;
}

function scalar(value: string): string {
  // Numbers-only text is quoted so it reads back as text, not as a number.
  return BARE_VALUE.test(value) && value !== '' && !/^-?\d+$/.test(value) ? value : JSON.stringify(value);
}

/** Decodes strictly (invalid UTF-8 is an error, not replacement characters) and parses. */
export function parseNoteBytes(bytes: Uint8Array, fileId?: string): ParseResult {
  if (bytes.length === 0) return fail('empty', 'the file is empty');
  if (bytes.length > MAX_NOTE_BYTES) return fail('too-large', `${bytes.length} bytes is over the ${MAX_NOTE_BYTES}-byte limit`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail('not-utf8', 'the file is not valid UTF-8');
  }
  return parseNote(text, fileId);
}

/** Parses a note's text. `fileId`, when given, must match the id in the front matter. */
export function parseNote(text: string, fileId?: string): ParseResult {
  if (text.trim() === '') return fail('empty', 'the file is empty');
  const split = splitFrontMatter(text);
  if (!split.ok) return split;
  const fields = parseFields(split.header);
  if (!fields.ok) return fields;
  const map = fields.map;
  const versionText = map.get('version');
  if (versionText === undefined) return fail('bad-field', 'no version');
  if (!/^\d+$/.test(versionText)) return fail('unsupported-version', `version "${versionText}" is not a number`);
  const version = Number(versionText);
  let result: ParseResult;
  if (version === CURRENT_VERSION) result = readV2(map, split.body);
  else if (version === 1) result = migrateV1(map, split.body);
  else if (version > CURRENT_VERSION) return fail('newer-version', `version ${version} was written by a newer Multiplier`);
  else return fail('unsupported-version', `version ${version} is not a known format`);
  if (result.ok && fileId !== undefined && result.note.id !== fileId) {
    return fail('bad-field', `the id "${result.note.id}" does not match the file name "${fileId}"`);
  }
  return result;
}

type Split = { ok: true; header: string[]; body: string } | { ok: false; failure: ParseFailure; detail: string };

function splitFrontMatter(text: string): Split {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!/^---\r?\n/.test(clean)) return fail('no-front-matter', 'the file does not start with ---');
  const lines: string[] = [];
  let offset = clean.indexOf('\n') + 1;
  for (;;) {
    const end = clean.indexOf('\n', offset);
    if (end < 0) {
      // Ran out of text before the closing ---: the tail of the file is missing.
      return fail('truncated', 'the front matter is not closed');
    }
    const line = clean.slice(offset, end).replace(/\r$/, '');
    offset = end + 1;
    if (line === '---') return { ok: true, header: lines, body: clean.slice(offset) };
    lines.push(line);
  }
}

type Fields = { ok: true; map: Map<string, string> } | { ok: false; failure: ParseFailure; detail: string };

function parseFields(lines: string[]): Fields {
  const map = new Map<string, string>();
  for (const line of lines) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    const key = colon > 0 ? line.slice(0, colon) : '';
    if (!KEY_PATTERN.test(key)) return fail('bad-field', `cannot read the line "${line.slice(0, 60)}"`);
    if (map.has(key)) return fail('bad-field', `"${key}" appears twice`);
    map.set(key, line.slice(colon + 1).trim());
  }
  return { ok: true, map };
}

function readV2(map: Map<string, string>, body: string): ParseResult {
  try {
    const id = requireString(map, 'id');
    if (!isValidNoteId(id)) return fail('bad-field', `id "${id.slice(0, 40)}" is not valid`);
    const kind = requireString(map, 'kind');
    if (!isNoteKind(kind)) return fail('bad-field', `kind "${kind.slice(0, 40)}" is not known`);
    const created = requireDate(map, 'created');
    const updated = requireDate(map, 'updated');
    const revision = readValue(map.get('revision') ?? '');
    if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0) {
      return fail('bad-field', 'revision is not a non-negative integer');
    }
    const tags = readTags(readValue(map.get('tags') ?? '[]'));
    const links = readLinks(readValue(map.get('links') ?? '[]'));
    const bytesRaw = map.get('bytes');
    if (bytesRaw !== undefined) {
      const declared = readValue(bytesRaw);
      if (typeof declared !== 'number' || declared < 0) return fail('bad-field', 'bytes is not a number');
      // Shorter than written means the tail was lost; longer is a hand edit, which we accept.
      if (utf8Length(body) < declared) return fail('truncated', `the body has ${utf8Length(body)} of ${declared} bytes`);
    }
    const extra: Record<string, string> = {};
    for (const [key, value] of map) if (!V2_KEYS.has(key)) extra[key] = value;
    return { ok: true, note: { id, kind, created, updated, revision, tags, links, body, extra } };
  } catch (error) {
    return fail('bad-field', error instanceof Error ? error.message : String(error));
  }
}

function fail(failure: ParseFailure, detail: string): { ok: false; failure: ParseFailure; detail: string } {
  return { ok: false, failure, detail };
}
