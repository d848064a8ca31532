/**
 * Projections for the PR overview and its diff: changed files, check runs, the timeline, the
 * merge base and file contents. Each checks the shape it relies on and keeps only what is shown.
 * Pure.
 */
import type { Projection } from '../../github/api';
import { arr, obj, optStr, str, type Json } from './json';
import { webLink, type ChangedFile, type CheckConclusion, type CheckRun, type FileStatus, type TimelineEvent } from '../model/pullDetails';

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0);
const loginOf = (user: unknown): string | undefined => (user && typeof user === 'object' ? optStr((user as Json).login) : undefined);

const FILE_STATUSES = new Set<FileStatus>(['added', 'removed', 'modified', 'renamed', 'copied', 'changed', 'unchanged']);

/** `pulls/{n}/files`: one page of changed files (the patch text is not kept). */
export const filesProjection: Projection<ChangedFile[]> = {
  id: 'files.v1',
  project: (json) =>
    arr(json, 'files').map((f) => {
      const file = obj(f, 'file');
      const status = str(file.status, 'file.status') as FileStatus;
      const previous = optStr(file.previous_filename);
      return {
        path: str(file.filename, 'file.filename'),
        ...(previous !== undefined ? { previousPath: previous } : {}),
        status: FILE_STATUSES.has(status) ? status : 'modified',
        additions: count(file.additions),
        deletions: count(file.deletions),
      };
    }),
};

const RUN_STATUSES = new Set(['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending']);
const CONCLUSIONS = new Set(['success', 'failure', 'neutral', 'cancelled', 'skipped', 'timed_out', 'action_required', 'stale']);

/** `commits/{sha}/check-runs`: one page of runs, each with its name, state and details link. */
export const checkRunListProjection: Projection<CheckRun[]> = {
  id: 'checkrunlist.v1',
  project: (json) =>
    arr(obj(json, 'check-runs').check_runs, 'check_runs').map((r) => {
      const run = obj(r, 'check_run');
      const status = String(run.status);
      const conclusion = optStr(run.conclusion);
      const url = webLink(run.details_url) ?? webLink(run.html_url);
      return {
        name: str(run.name, 'check_run.name'),
        status: (RUN_STATUSES.has(status) ? status : 'queued') as CheckRun['status'],
        ...(conclusion && CONCLUSIONS.has(conclusion) ? { conclusion: conclusion as CheckConclusion } : {}),
        ...(url ? { url } : {}),
      };
    }),
};

const REVIEW_STATES = new Set(['approved', 'changes_requested', 'commented', 'dismissed']);

/** `issues/{n}/timeline`: the review story (commits, requests, reviews, comments, state changes). */
export const timelineProjection: Projection<TimelineEvent[]> = {
  id: 'timeline.v1',
  project: (json) =>
    arr(json, 'timeline').flatMap((e): TimelineEvent[] => {
      const event = obj(e, 'timeline event');
      const when = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : NaN);
      const actor = loginOf(event.actor) ?? loginOf(event.user);
      switch (event.event) {
        case 'committed': {
          const committer = event.committer && typeof event.committer === 'object' ? (event.committer as Json) : {};
          const at = when(committer.date);
          const sha = optStr(event.sha);
          return Number.isNaN(at) || !sha ? [] : [{ kind: 'committed', at, sha, message: (optStr(event.message) ?? '').split('\n')[0] }];
        }
        case 'review_requested': {
          const at = when(event.created_at);
          const team =
            event.requested_team && typeof event.requested_team === 'object' ? optStr((event.requested_team as Json).slug) : undefined;
          const who = loginOf(event.requested_reviewer) ?? team;
          return Number.isNaN(at) || !who ? [] : [{ kind: 'review-requested', at, who, ...(actor ? { by: actor } : {}) }];
        }
        case 'reviewed': {
          const at = when(event.submitted_at);
          const state = String(event.state).toLowerCase();
          const who = loginOf(event.user);
          return Number.isNaN(at) || !who || !REVIEW_STATES.has(state)
            ? []
            : [{ kind: 'reviewed', at, who, state: state as 'approved' | 'changes_requested' | 'commented' | 'dismissed' }];
        }
        case 'commented': {
          const at = when(event.created_at);
          return Number.isNaN(at) || !actor ? [] : [{ kind: 'commented', at, who: actor }];
        }
        case 'ready_for_review':
        case 'convert_to_draft':
        case 'head_ref_force_pushed':
        case 'merged':
        case 'closed':
        case 'reopened': {
          const at = when(event.created_at);
          if (Number.isNaN(at)) return [];
          const kind =
            event.event === 'ready_for_review'
              ? 'ready'
              : event.event === 'convert_to_draft'
                ? 'draft'
                : event.event === 'head_ref_force_pushed'
                  ? 'force-pushed'
                  : (event.event as 'merged' | 'closed' | 'reopened');
          return [{ kind, at, ...(actor ? { who: actor } : {}) }];
        }
        default:
          return [];
      }
    }),
};

/** `compare/{base}...{head}`: the merge base the pull request's diff starts from. */
export const mergeBaseProjection: Projection<string> = {
  id: 'mergebase.v1',
  project: (json) => str(obj(obj(json, 'compare').merge_base_commit, 'compare.merge_base_commit').sha, 'merge_base_commit.sha'),
};

/** What a file's contents came back as. `base64` only for `text` and `binary` within the size limit. */
export type FileContent =
  { kind: 'text' | 'binary'; size: number; base64: string } | { kind: 'too-large'; size: number } | { kind: 'missing' };

/** Git's own test for binary content: a NUL byte in the first 8,000 bytes. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8000);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * `contents/{path}?ref={sha}`. GitHub inlines files up to 1 MB as base64; larger ones come back
 * without content. Files over `maxBytes` are reported by size only, never decoded.
 */
export function contentProjection(maxBytes: number): Projection<FileContent> {
  return {
    id: `content.v1.${maxBytes}`,
    // Contents at a commit never change: they are cached on disk by the caller, not in the ETag cache.
    store: false,
    project: (json) => {
      const file = obj(json, 'contents');
      if (file.type !== 'file') return { kind: 'missing' };
      const size = count(file.size);
      const encoding = optStr(file.encoding);
      if (size > maxBytes || encoding !== 'base64') return { kind: 'too-large', size };
      const bytes = Buffer.from(str(file.content, 'contents.content').replace(/\s+/g, ''), 'base64');
      if (bytes.length > maxBytes) return { kind: 'too-large', size: bytes.length };
      return { kind: looksBinary(bytes) ? 'binary' : 'text', size: bytes.length, base64: bytes.toString('base64') };
    },
  };
}
