/**
 * The shape of a growth note, shared by the store, the model and the editor layer.
 * Pure: no `vscode` import.
 */

export const NOTE_KINDS = ['note', 'coach-answer', 'weekly-reflection', 'one-on-one', 'retro'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** A place in the code the note is about. `path` is workspace-relative when possible, else absolute. */
export interface FileLink {
  type: 'file';
  path: string;
  /** 1-based line, when known. */
  line?: number;
}

export interface CommitLink {
  type: 'commit';
  sha: string;
  /** Absolute path of the repository's root, so the commit can be revealed later. */
  repo?: string;
}

export interface PullRequestLink {
  type: 'pr';
  url: string;
}

export type NoteLink = FileLink | CommitLink | PullRequestLink;

/** The current (v2) in-memory note. Front matter plus the Markdown body. */
export interface Note {
  id: string;
  kind: NoteKind;
  /** ISO-8601 UTC. */
  created: string;
  /** ISO-8601 UTC. */
  updated: string;
  /** Compare-and-swap counter: every successful save increments it by one. */
  revision: number;
  tags: string[];
  links: NoteLink[];
  /** Markdown, without front matter. */
  body: string;
  /** Front-matter keys this version does not know, kept so an older build never drops them. */
  extra: Record<string, string>;
}
