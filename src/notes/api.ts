/**
 * The Growth Notes public contract for other capabilities (the Coach, the walkthrough).
 * Import only this file, never the store's internals.
 */
import type * as vscode from 'vscode';
import type { NoteKind, NoteLink } from './model/types';

export type { NoteKind, NoteLink } from './model/types';

export interface CoachAnswerInput {
  /** The "ask, don't tell" question the user is answering. Becomes the note's heading. */
  prompt: string;
  /** Why the prompt appeared (the signal), quoted under the heading. */
  signal: string;
  /** Pre-filled answer text, if the user already typed one; otherwise a placeholder to write into. */
  answer?: string;
  /** File+line, commit or PR links; workspace-relative file paths are preferred. */
  links?: NoteLink[];
  tags?: string[];
  /** Open the new note in a Markdown editor (default true). */
  open?: boolean;
}

export interface NotesApi {
  /**
   * Creates a `coach-answer` note and (by default) opens it for writing. Resolves to its
   * `multiplier-note:` Uri. Rejects with a readable message if the note cannot be written
   * (disk full, read-only storage); nothing is half-written in that case.
   */
  captureCoachAnswer(input: CoachAnswerInput): Promise<vscode.Uri>;
  /** Creates a note of any kind with the given Markdown body; same guarantees as above. */
  create(input: { kind: NoteKind; body: string; tags?: string[]; links?: NoteLink[]; open?: boolean }): Promise<vscode.Uri>;
  /** The kind of the note a `multiplier-note:` uri opens, once the store is loaded; otherwise undefined. */
  kindOf(uri: vscode.Uri): NoteKind | undefined;
  /** Fires after any note is created, saved or deleted (in this window). */
  readonly onDidChange: vscode.Event<void>;
}
