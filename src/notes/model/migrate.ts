/**
 * Forward migration from older on-disk shapes. Pure.
 *
 * v1 (the first release) had flat fields and no compare-and-swap counter:
 *   version: 1 / id / type (note|coach|reflection|1on1|retro) / date / tags: a, b / file: path:line /
 *   commit: sha / pr: url
 * v2 (current) renames `type` to `kind`, splits `date` into created/updated, turns tags and links
 * into JSON lists, and adds `revision` and `bytes`. A v1 note is rewritten as v2 on its next save.
 */
import type { Note, NoteKind, NoteLink } from './types';
import { isValidNoteId, normalizeTags, readValue, requireDate, requireString, toLink, type ParseResult } from './fields';

const V1_KINDS: Record<string, NoteKind> = {
  note: 'note',
  coach: 'coach-answer',
  reflection: 'weekly-reflection',
  '1on1': 'one-on-one',
  retro: 'retro',
};
const V1_KEYS = new Set(['version', 'id', 'type', 'date', 'tags', 'file', 'commit', 'pr']);

export function migrateV1(map: Map<string, string>, body: string): ParseResult {
  try {
    const id = requireString(map, 'id');
    if (!isValidNoteId(id)) return { ok: false, failure: 'bad-field', detail: `id "${id.slice(0, 40)}" is not valid` };
    const type = map.get('type') ?? 'note';
    const kind = V1_KINDS[type];
    if (!kind) return { ok: false, failure: 'bad-field', detail: `v1 type "${type.slice(0, 40)}" is not known` };
    const created = requireDate(map, 'date');
    const tagsRaw = map.get('tags') ?? '';
    const tags = normalizeTags(tagsRaw === '' ? [] : tagsRaw.split(','));
    const links: NoteLink[] = [];
    const file = map.get('file');
    if (file) {
      const match = /^(.*?)(?::(\d+))?$/.exec(file);
      const link = toLink({ type: 'file', path: match?.[1] ?? file, line: match?.[2] ? Number(match[2]) : undefined });
      if (!link) return { ok: false, failure: 'bad-field', detail: 'v1 file link is not valid' };
      links.push(link);
    }
    const commit = map.get('commit');
    if (commit) links.push(requireLink({ type: 'commit', sha: String(readValue(commit)) }));
    const pr = map.get('pr');
    if (pr) links.push(requireLink({ type: 'pr', url: String(readValue(pr)) }));
    const extra: Record<string, string> = {};
    for (const [key, value] of map) if (!V1_KEYS.has(key)) extra[key] = value;
    const note: Note = { id, kind, created, updated: created, revision: 0, tags, links, body, extra };
    return { ok: true, note, migratedFrom: 1 };
  } catch (error) {
    return { ok: false, failure: 'bad-field', detail: error instanceof Error ? error.message : String(error) };
  }
}

function requireLink(value: unknown): NoteLink {
  const link = toLink(value);
  if (!link) throw new Error(`v1 link ${JSON.stringify(value).slice(0, 60)} is not valid`);
  return link;
}
