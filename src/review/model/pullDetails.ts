/**
 * What the PR overview shows beyond the queue's data: the changed files, the check runs and the
 * timeline of review events. Plain data; every string from GitHub is untrusted text. Pure.
 */
import type { PullRequest } from './pullRequest';

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface ChangedFile {
  /** Repository-relative path on the head side. */
  path: string;
  /** The base-side path of a rename or copy. */
  previousPath?: string;
  status: FileStatus;
  additions: number;
  deletions: number;
}

export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required' | 'stale';

export interface CheckRun {
  name: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion?: CheckConclusion;
  /** A web link to the run's details; only http(s) links are ever kept. */
  url?: string;
}

export type TimelineEvent =
  | { kind: 'committed'; at: number; sha: string; message: string }
  | { kind: 'review-requested'; at: number; who: string; by?: string }
  | { kind: 'reviewed'; at: number; who: string; state: 'approved' | 'changes_requested' | 'commented' | 'dismissed' }
  | { kind: 'commented'; at: number; who: string }
  | { kind: 'ready'; at: number; who?: string }
  | { kind: 'draft'; at: number; who?: string }
  | { kind: 'force-pushed'; at: number; who?: string }
  | { kind: 'merged' | 'closed' | 'reopened'; at: number; who?: string };

export interface PullDetails {
  /** The pull request as the overview last fetched it (fresher than the queue's copy). */
  pr: PullRequest;
  /** The commit the diff starts from (`compare`'s merge base), when known. */
  mergeBase?: string;
  files: ChangedFile[];
  /** GitHub lists at most 3,000 files; true when the list stopped before `changedFiles`. */
  filesTruncated: boolean;
  checkRuns: CheckRun[];
  timeline: TimelineEvent[];
  fetchedAt: number;
}

/** Web links only: anything else (command:, file:, javascript:, data:) is dropped. */
export function webLink(url: unknown): string | undefined {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A path GitHub reported, checked before it names a request or a document: relative, `/`-separated,
 * no empty, `.` or `..` segment, no control characters.
 */
export function safeRepoPath(path: unknown): string | undefined {
  if (typeof path !== 'string' || path.length === 0 || path.length > 4096) return undefined;
  if (/[\u0000-\u001f\u007f\\]/.test(path) || path.startsWith('/')) return undefined;
  const segments = path.split('/');
  return segments.every((s) => s !== '' && s !== '.' && s !== '..') ? path : undefined;
}

/** One status for a list of runs: failure beats pending beats success; no runs is 'none'. */
export function checkStatusOf(runs: readonly CheckRun[]): 'success' | 'failure' | 'pending' | 'none' {
  if (runs.length === 0) return 'none';
  let status: 'success' | 'pending' = 'success';
  for (const run of runs) {
    if (run.status !== 'completed') status = 'pending';
    else if (run.conclusion && ['failure', 'timed_out', 'cancelled', 'action_required'].includes(run.conclusion)) return 'failure';
  }
  return status;
}
