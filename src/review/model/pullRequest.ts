/**
 * Plain data for the review queue: what the GitHub source produces and the ranking consumes.
 * Pure: no `vscode` import. Times are epoch milliseconds; logins are compared case-insensitively.
 */

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface PullRequestReview {
  reviewer: string;
  state: ReviewState;
  submittedAt: number;
  /** The head commit the review was written against; a later push means it may be addressed. */
  commitId?: string;
}

/** When a person or a team was (last) asked to review. */
export interface ReviewRequest {
  /** A login, or `org/slug` for a team. */
  reviewer: string;
  isTeam: boolean;
  at: number;
}

export type CheckStatus = 'success' | 'failure' | 'pending' | 'none';

export interface PullRequest {
  /** `owner/repo#number`: stable across polls, used for snoozes and tree ids. */
  key: string;
  /** `owner/repo`. */
  repo: string;
  number: number;
  /** Untrusted text: rendered only as plain text. */
  title: string;
  /** Untrusted text. */
  body: string;
  url: string;
  author: string;
  draft: boolean;
  /** Open unless the overview saw it closed or merged since the last poll. */
  state?: 'open' | 'closed' | 'merged';
  /** When it was merged, and by whom (the detail request only), for a merged pull request. */
  mergedAt?: number;
  mergedBy?: string;
  /** Label names (untrusted text). */
  labels?: string[];
  createdAt: number;
  /** When it was last marked ready for review, if it ever was a draft. */
  readyAt?: number;
  updatedAt: number;
  headRef: string;
  headSha: string;
  /** `owner/repo` of the head branch (differs for forks). */
  headRepo?: string;
  baseRef: string;
  /** The base branch's commit GitHub compared against (the merge base comes from `compare`). */
  baseSha?: string;
  /** Undefined until the detail request answered. */
  additions?: number;
  deletions?: number;
  changedFiles?: number;
  /** Pending requests: logins. */
  requestedReviewers: string[];
  /** Pending requests: `org/slug`. */
  requestedTeams: string[];
  /** Latest request time per reviewer or team, from the issue events. */
  reviewRequests: ReviewRequest[];
  reviews: PullRequestReview[];
  /** Authors of open PRs based on this PR's branch, when the source saw the whole list. */
  stackedAuthors?: string[];
  checks: CheckStatus;
  /** null while GitHub is still computing it. */
  mergeable?: boolean | null;
  mergeableState?: string;
}

export interface Viewer {
  login: string;
  /** `org/slug` of every team the viewer is in, lower-case. */
  teams: string[];
}

/** A repository one refresh could not read; the others were read. */
export interface RepoFailure {
  /** `owner/repo`, from settings or a git remote: untrusted text. */
  repo: string;
  /** `not-found`: 404, gone or not visible to this account; `forbidden`: 403 that is not a rate limit. */
  reason: 'not-found' | 'forbidden';
  status: number;
}

/** Everything one refresh learned. */
export interface QueueData {
  viewer: Viewer;
  /** Open PRs that matter to the viewer (requested of them, theirs, or on a current branch). */
  pullRequests: PullRequest[];
  fetchedAt: number;
  /** Repositories that answered 404 or 403 (not a rate limit), in the order they were asked. */
  failedRepos?: RepoFailure[];
}

export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function linesChanged(pr: PullRequest): number | undefined {
  return pr.additions === undefined || pr.deletions === undefined ? undefined : pr.additions + pr.deletions;
}
