/**
 * Projections of GitHub REST JSON into the review model. Each checks the shape it relies on and
 * keeps only what the queue needs, so cached pages stay small. Pure.
 */
import type { CheckStatus, PullRequest, PullRequestReview, ReviewRequest, ReviewState } from '../model/pullRequest';
import type { Projection } from '../../github/api';
import { arr, bad, obj, optStr, str, type Json } from './json';

function time(value: unknown, what: string): number {
  const t = Date.parse(str(value, what));
  return Number.isNaN(t) ? bad(`${what} is not a date`) : t;
}
function login(user: unknown, what: string): string {
  return str(obj(user, what).login, `${what}.login`);
}
function optNum(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export interface ViewerInfo {
  login: string;
}

export const userProjection: Projection<ViewerInfo> = {
  id: 'user.v1',
  project: (json) => ({ login: login(json, 'user') }),
};

export const teamsProjection: Projection<string[]> = {
  id: 'teams.v1',
  project: (json) =>
    arr(json, 'teams').map((t) => {
      const team = obj(t, 'team');
      return `${login(team.organization, 'team.organization')}/${str(team.slug, 'team.slug')}`.toLowerCase();
    }),
};

/** A pull from `pulls` (list) or `pulls/{n}` (detail); the list lacks size and mergeability. */
export function projectPull(json: unknown): PullRequest {
  const p = obj(json, 'pull');
  const base = obj(p.base, 'pull.base');
  const head = obj(p.head, 'pull.head');
  const repo = str(obj(base.repo, 'pull.base.repo').full_name, 'pull.base.repo.full_name');
  const number = optNum(p.number) ?? bad('pull.number');
  const headRepo = head.repo && typeof head.repo === 'object' ? optStr((head.repo as Json).full_name) : undefined;
  return {
    key: `${repo}#${number}`,
    repo,
    number,
    title: str(p.title, 'pull.title'),
    body: optStr(p.body) ?? '',
    url: str(p.html_url, 'pull.html_url'),
    author: login(p.user, 'pull.user'),
    draft: p.draft === true,
    state: p.merged_at ? 'merged' : p.state === 'closed' ? 'closed' : 'open',
    ...(p.merged_at ? { mergedAt: time(p.merged_at, 'pull.merged_at') } : {}),
    ...(p.merged_by && typeof p.merged_by === 'object' ? { mergedBy: login(p.merged_by, 'pull.merged_by') } : {}),
    labels: arr(p.labels ?? [], 'pull.labels').flatMap((l) => {
      const name = l && typeof l === 'object' ? optStr((l as Json).name) : undefined;
      return name ? [name] : [];
    }),
    createdAt: time(p.created_at, 'pull.created_at'),
    updatedAt: time(p.updated_at, 'pull.updated_at'),
    headRef: str(head.ref, 'pull.head.ref'),
    headSha: str(head.sha, 'pull.head.sha'),
    headRepo,
    baseRef: str(base.ref, 'pull.base.ref'),
    baseSha: optStr(base.sha),
    additions: optNum(p.additions),
    deletions: optNum(p.deletions),
    changedFiles: optNum(p.changed_files),
    requestedReviewers: arr(p.requested_reviewers ?? [], 'pull.requested_reviewers').map((u) => login(u, 'reviewer')),
    requestedTeams: arr(p.requested_teams ?? [], 'pull.requested_teams').map((t) => {
      const team = obj(t, 'team');
      // A team on a PR carries no organization object; it is the repository owner's team.
      return `${repo.split('/')[0]}/${str(team.slug, 'team.slug')}`.toLowerCase();
    }),
    reviewRequests: [],
    reviews: [],
    checks: 'none',
    mergeable: typeof p.mergeable === 'boolean' ? p.mergeable : p.mergeable === null ? null : undefined,
    mergeableState: optStr(p.mergeable_state),
  };
}

// v3: merged pull requests keep when and by whom (cached v2 answers lack it).
export const pullProjection: Projection<PullRequest> = { id: 'pull.v3', project: projectPull };
export const pullListProjection: Projection<PullRequest[]> = { id: 'pulls.v2', project: (json) => arr(json, 'pulls').map(projectPull) };

const REVIEW_STATES = new Set<ReviewState>(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING']);

export const reviewsProjection: Projection<PullRequestReview[]> = {
  id: 'reviews.v1',
  project: (json) =>
    arr(json, 'reviews').flatMap((r) => {
      const review = obj(r, 'review');
      const state = str(review.state, 'review.state') as ReviewState;
      // A review by a deleted account has user null; a pending review has no submitted_at.
      if (!REVIEW_STATES.has(state) || !review.user || typeof review.submitted_at !== 'string') return [];
      return [
        {
          reviewer: login(review.user, 'review.user'),
          state,
          submittedAt: time(review.submitted_at, 'review.submitted_at'),
          commitId: optStr(review.commit_id),
        },
      ];
    }),
};

export interface PullEvents {
  reviewRequests: ReviewRequest[];
  readyAt?: number;
}

/** From `issues/{n}/events`: when each reviewer was last requested, and when it was last marked ready. */
export const eventsProjection: Projection<PullEvents[]> = {
  id: 'events.v1',
  // One element per page; the caller merges pages with mergeEvents.
  project: (json) => {
    const out: PullEvents = { reviewRequests: [] };
    for (const e of arr(json, 'events')) {
      const event = obj(e, 'event');
      const at = typeof event.created_at === 'string' ? Date.parse(event.created_at) : NaN;
      if (Number.isNaN(at)) continue;
      if (event.event === 'ready_for_review') out.readyAt = Math.max(out.readyAt ?? 0, at);
      if (event.event !== 'review_requested') continue;
      if (event.requested_reviewer && typeof event.requested_reviewer === 'object') {
        out.reviewRequests.push({ reviewer: login(event.requested_reviewer, 'event.requested_reviewer'), isTeam: false, at });
      } else if (event.requested_team && typeof event.requested_team === 'object') {
        const team = event.requested_team as Json;
        const org = team.organization && typeof team.organization === 'object' ? optStr((team.organization as Json).login) : undefined;
        const slug = optStr(team.slug);
        if (slug) out.reviewRequests.push({ reviewer: `${org ?? ''}/${slug}`.toLowerCase(), isTeam: true, at });
      }
    }
    return [out];
  },
};

export function mergeEvents(pages: PullEvents[], repoOwner: string): PullEvents {
  const latest = new Map<string, ReviewRequest>();
  let readyAt: number | undefined;
  for (const page of pages) {
    if (page.readyAt !== undefined) readyAt = Math.max(readyAt ?? 0, page.readyAt);
    for (const req of page.reviewRequests) {
      const reviewer = req.isTeam && req.reviewer.startsWith('/') ? `${repoOwner.toLowerCase()}${req.reviewer}` : req.reviewer;
      const key = `${req.isTeam}:${reviewer.toLowerCase()}`;
      const seen = latest.get(key);
      if (!seen || req.at > seen.at) latest.set(key, { ...req, reviewer });
    }
  }
  return { reviewRequests: [...latest.values()], readyAt };
}

/** `commits/{sha}/check-runs`: failure beats pending beats success. */
export const checkRunsProjection: Projection<CheckStatus> = {
  id: 'checkruns.v1',
  project: (json) => {
    const runs = arr(obj(json, 'check-runs').check_runs, 'check_runs');
    if (runs.length === 0) return 'none';
    let status: CheckStatus = 'success';
    for (const r of runs) {
      const run = obj(r, 'check_run');
      if (run.status !== 'completed') status = status === 'failure' ? status : 'pending';
      else if (['failure', 'timed_out', 'cancelled', 'action_required', 'startup_failure'].includes(String(run.conclusion)))
        status = 'failure';
    }
    return status;
  },
};

/** `commits/{sha}/status` (the older combined status API). */
export const combinedStatusProjection: Projection<CheckStatus> = {
  id: 'status.v1',
  project: (json) => {
    const s = obj(json, 'status');
    if (arr(s.statuses ?? [], 'statuses').length === 0) return 'none';
    return s.state === 'success' ? 'success' : s.state === 'pending' ? 'pending' : 'failure';
  },
};

/** `search/issues`: which PRs, as `{repo, number}`. */
export const searchProjection: Projection<{ repo: string; number: number; draft: boolean }[]> = {
  id: 'search.v2',
  project: (json) =>
    arr(obj(json, 'search').items, 'search.items').flatMap((i) => {
      const item = obj(i, 'item');
      const repoUrl = optStr(item.repository_url);
      const number = optNum(item.number);
      const match = repoUrl ? /\/repos\/([^/]+\/[^/]+)$/.exec(repoUrl) : null;
      return match && number !== undefined && item.pull_request ? [{ repo: match[1], number, draft: item.draft === true }] : [];
    }),
};
