/**
 * Plain data the coach's signal detectors read. Editor and git sources turn the outside world into
 * these timestamped events; every detector is a pure function over them. Times are epoch ms.
 */

import * as l10n from '@vscode/l10n';

export type SignalKind = 'long-uncommitted' | 'repeated-failure' | 'error-churn' | 'ageing-branch' | 'back-and-forth' | 'single-author';

export const SIGNAL_KINDS: readonly SignalKind[] = [
  'long-uncommitted',
  'repeated-failure',
  'error-churn',
  'ageing-branch',
  'back-and-forth',
  'single-author',
];

/** A text change in a workspace file; lines are 0-based and inclusive. */
export interface EditEvent {
  kind: 'edit';
  at: number;
  file: string;
  startLine: number;
  endLine: number;
}

/** HEAD moved to a new commit (a commit, a pull, a checkout). */
export interface CommitEvent {
  kind: 'commit';
  at: number;
}

/** The working tree became dirty or clean. */
export interface TreeStateEvent {
  kind: 'tree';
  at: number;
  dirty: boolean;
}

/** A task, or a test command typed in the terminal, ended. */
export interface TaskEndEvent {
  kind: 'taskEnd';
  at: number;
  /**
   * The streak it belongs to: a test command ("npm test", from a task or the terminal alike), or
   * a task's identity ("shell: build").
   */
  task: string;
  exitCode: number | undefined;
}

/** The error count of one file after a diagnostics change. */
export interface DiagnosticsEvent {
  kind: 'diagnostics';
  at: number;
  file: string;
  errors: number;
}

export type CoachEvent = EditEvent | CommitEvent | TreeStateEvent | TaskEndEvent | DiagnosticsEvent;

/** Something the coach noticed. `key` identifies one occurrence (kind + subject). */
export interface Signal {
  kind: SignalKind;
  key: string;
  at: number;
  /** Workspace-relative files involved, most relevant first. */
  files: string[];
  /** One line, plain text, second person: why the coach speaks up. */
  summary: string;
}

export interface Thresholds {
  /** Active editing minutes on a dirty tree without a commit. */
  uncommittedActiveMinutes: number;
  /** A pause longer than this between edits does not count as active time. */
  idleGapMinutes: number;
  /** Consecutive failures of the same task. */
  repeatedFailures: number;
  /** Failures older than this are forgotten. */
  failureWindowMinutes: number;
  /** Minutes a file keeps errors while being edited. */
  errorChurnMinutes: number;
  /** Edits to that file during those minutes. */
  errorChurnEdits: number;
  /** Commits the branch is behind its base. */
  branchBehindCommits: number;
  /** Age of the branch's oldest unmerged commit, in days. */
  branchAgeDays: number;
  /** Separate visits (bursts of edits) to the same hunk. */
  backAndForthVisits: number;
  /** Window in which those visits count. */
  backAndForthWindowMinutes: number;
  /** Minimum commits by the single author before the file counts as "only one person knows it". */
  singleAuthorMinCommits: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  uncommittedActiveMinutes: 45,
  idleGapMinutes: 5,
  repeatedFailures: 3,
  failureWindowMinutes: 60,
  errorChurnMinutes: 15,
  errorChurnEdits: 6,
  branchBehindCommits: 50,
  branchAgeDays: 7,
  backAndForthVisits: 4,
  backAndForthWindowMinutes: 30,
  singleAuthorMinCommits: 3,
};

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** "50 min", "1 h 20 min": short durations for summaries. */
export function formatMinutes(minutes: number): string {
  const rounded = Math.max(1, Math.round(minutes));
  if (rounded < 60) return l10n.t('{0} min', rounded);
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return rest === 0 ? l10n.t('{0} h', hours) : l10n.t('{0} h {1} min', hours, rest);
}
