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
