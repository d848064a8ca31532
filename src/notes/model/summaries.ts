/**
 * Pure views over notes: titles, summaries for the list, week and tag groups, search.
 */
import * as l10n from '@vscode/l10n';
import { translatedTable } from '../../core/translatedTable';
import type { Note, NoteKind } from './types';

/** What the list, the tree and search need, without keeping every body around twice. */
export interface NoteSummary {
  id: string;
  kind: NoteKind;
  title: string;
  created: string;
  updated: string;
  revision: number;
  tags: string[];
  /** Lower-cased title, tags and body: the search haystack, built once per revision. */
  haystack: string;
  /** Set for conflict copies: the id of the note this text was meant for. */
  conflictOf?: string;
}

const TITLE_LIMIT = 80;

/** The first heading, else the first non-empty line, else a fallback by kind. */
export function noteTitle(note: Pick<Note, 'body' | 'kind'>): string {
  for (const raw of note.body.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('<!--')) continue;
    const text = line
      .replace(/^#{1,6}\s+/, '')
      .replace(/^[-*>]\s+/, '')
      .trim();
    if (text === '') continue;
    return text.length > TITLE_LIMIT ? `${text.slice(0, TITLE_LIMIT - 1)}…` : text;
  }
  return KIND_LABELS[note.kind];
}

export const KIND_LABELS = translatedTable<NoteKind, string>(() => ({
  note: l10n.t('Growth note'),
  'coach-answer': l10n.t('Coach answer'),
  'weekly-reflection': l10n.t('Weekly reflection'),
  'one-on-one': l10n.t('1:1 prep'),
  retro: l10n.t('Blameless retro'),
}));

export function summarize(note: Note): NoteSummary {
  const title = noteTitle(note);
  const summary: NoteSummary = {
    id: note.id,
    kind: note.kind,
    title,
    created: note.created,
    updated: note.updated,
    revision: note.revision,
    tags: note.tags,
    haystack: `${title}\n${note.tags.map((tag) => `#${tag}`).join(' ')}\n${note.body}`.toLowerCase(),
  };
  const conflictOf = note.extra['conflict-of'];
  if (conflictOf) summary.conflictOf = conflictOf.replace(/^"|"$/g, '');
  return summary;
}

/** Newest first by creation time; ties by id so the order is stable. */
export function sortNewestFirst(notes: readonly NoteSummary[]): NoteSummary[] {
  return [...notes].sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : a.id < b.id ? 1 : -1));
}

/**
 * Search: every word of the query must appear (in any order); a `#tag` word must be a tag.
 * Title hits rank before body hits, then newest first.
 */
export function searchNotes(notes: readonly NoteSummary[], query: string, limit = 200): NoteSummary[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return sortNewestFirst(notes).slice(0, limit);
  const hits: Array<{ note: NoteSummary; score: number }> = [];
  for (const note of notes) {
    let score = 0;
    let matched = true;
    for (const word of words) {
      if (word.startsWith('#') && word.length > 1) {
        if (!note.tags.includes(word.slice(1))) {
          matched = false;
          break;
        }
        score += 2;
        continue;
      }
      const at = note.haystack.indexOf(word);
      if (at < 0) {
        matched = false;
        break;
      }
      score += at < note.title.length ? 3 : 1;
    }
    if (matched) hits.push({ note, score });
  }
  hits.sort((a, b) => b.score - a.score || (a.note.created < b.note.created ? 1 : -1));
  return hits.slice(0, limit).map((hit) => hit.note);
}

/** ISO-8601 week of a local date, e.g. `2025-W03`; weeks start on Monday. */
export function isoWeek(date: Date): string {
  const day = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const weekday = (day.getDay() + 6) % 7; // Monday = 0
  day.setDate(day.getDate() - weekday + 3); // the Thursday of this week decides the year
  const januaryFirst = new Date(day.getFullYear(), 0, 1);
  const dayOfYear = Math.round((day.getTime() - januaryFirst.getTime()) / 86_400_000);
  const week = 1 + Math.floor(dayOfYear / 7);
  return `${day.getFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The Monday that starts a local date's week, as a `YYYY-MM-DD` label. */
export function weekStart(date: Date): string {
  const day = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

export interface NoteGroup {
  key: string;
  label: string;
  notes: NoteSummary[];
}

/** Groups by ISO week of creation, newest week first, notes newest first inside. */
export function groupByWeek(notes: readonly NoteSummary[]): NoteGroup[] {
  const groups = new Map<string, NoteGroup>();
  for (const note of sortNewestFirst(notes)) {
    const created = new Date(note.created);
    const key = isoWeek(created);
    let group = groups.get(key);
    if (!group) {
      group = { key, label: l10n.t('Week of {0}', weekStart(created)), notes: [] };
      groups.set(key, group);
    }
    group.notes.push(note);
  }
  return [...groups.values()].sort((a, b) => (a.key < b.key ? 1 : -1));
}

export const UNTAGGED = '(untagged)';

/** Groups by tag, alphabetically; a note with two tags is in both; untagged notes last. */
export function groupByTag(notes: readonly NoteSummary[]): NoteGroup[] {
  const groups = new Map<string, NoteGroup>();
  for (const note of sortNewestFirst(notes)) {
    for (const tag of note.tags.length > 0 ? note.tags : [UNTAGGED]) {
      let group = groups.get(tag);
      if (!group) {
        group = { key: tag, label: tag === UNTAGGED ? l10n.t('(untagged)') : `#${tag}`, notes: [] };
        groups.set(tag, group);
      }
      group.notes.push(note);
    }
  }
  return [...groups.values()].sort((a, b) => (a.key === UNTAGGED ? 1 : b.key === UNTAGGED ? -1 : a.key.localeCompare(b.key)));
}
