/** What other capabilities may ask the review queue: plain data from its last poll. */
export interface BranchPullRequest {
  url: string;
  number: number;
  /** Untrusted text: plain text only. */
  title: string;
  /** `owner/repo`. */
  repo: string;
  headRef: string;
}

export interface ReviewApi {
  /** Open pull requests whose head branch is checked out in the workspace ("This branch"). */
  branchPullRequests(): readonly BranchPullRequest[];
}

/**
 * What opening a pull request in the PR overview came to: `opened`, or why not, so the caller can
 * open the browser instead and say why. `signed-out`: no credential for the configured GitHub;
 * `offline`, `rate-limited`: GitHub could not answer and no copy was saved; `not-found`: 404 or 410;
 * `failed`: any other error.
 */
export type OpenInEditorOutcome = 'opened' | 'signed-out' | 'offline' | 'rate-limited' | 'not-found' | 'failed';

/** A pull request on the configured GitHub: `owner/repo` and its number. */
export interface PullRequestRef {
  repo: string;
  number: number;
}
