// Shared by the notes suites (main and reload phases); not a suite itself (no .test.ts suffix).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
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
  const result = await vscode.commands.executeCommand<NotesInspection>('multiplier.internal.notesState');
  assert.ok(result, 'multiplier.internal.notesState answered');
  return result;
}
