// Shared by the notes suites (main and reload phases); not a suite itself (no .test.ts suffix).
import { multiplier } from '../host/api';
import type { Note } from '../../../src/notes/model/types';

export const CAPTURE_TEXT = 'Asked before telling in review #testing';
export const EDIT_TEXT = 'Edited in the Markdown editor and saved.';

export interface NotesInspection {
  dir: string;
  notes: Note[];
  weeks: Array<{ label: string; count: string; ids: string[] }>;
  tags: Array<{ label: string; count: string; ids: string[] }>;
}

export async function inspectNotes(): Promise<NotesInspection> {
  return (await multiplier()).notes.state() as Promise<NotesInspection>;
}
