/**
 * What Team Health computes from: plain data about one repository's history, independent of the git
 * engine's own types so the metric definitions stay fixed while the engine changes. Pure.
 *
 * Times are epoch milliseconds. A commit is shaped so the engine's `Commit` fits it as it is (no copy
 * of 100k commits per refresh).
 */

export interface HealthSignature {
  name: string;
  email: string;
  /** ms since the epoch. */
  time: number;
}

export interface HealthFileChange {
  /** Repo-relative path, `/`-separated. */
  path: string;
  /** Lines added and deleted; null for a binary file. */
  added: number | null;
  deleted: number | null;
}

export interface HealthCommit {
  hash: string;
  /** Empty for a root commit; two or more for a merge (an octopus merge has three or more). */
  parents: readonly string[];
  author: HealthSignature;
  committer: Pick<HealthSignature, 'time'>;
  subject: string;
  /** Per-file changes; empty for merge commits. */
  files: readonly HealthFileChange[];
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';

export interface HealthReview {
  /** GitHub login. */
  reviewer: string;
  submittedAt: number;
  state: ReviewState;
}

/** What GitHub adds to a merged pull request when the user is signed in. */
export interface GitHubPullRequestData {
  /** Login of the PR's author. */
  author: string;
  openedAt: number;
  /** When it was (last) marked ready for review, if it was ever a draft. */
  readyAt?: number;
  /** True if it was opened as a draft. */
  wasDraft: boolean;
  reviews: readonly HealthReview[];
  url?: string;
  /** The PR's title on GitHub (git knows only a merge commit's message). */
  title?: string;
  /** Earliest author time of the PR's commits, as GitHub lists them (survives squash and force-push). */
  firstCommitAt?: number;
  /** additions + deletions of the PR's diff (net, unlike the sum over its commits). */
  linesChanged?: number;
}

export type MergeKind = 'merge' | 'squash' | 'rebase';

/** A pull request whose merge is in the history. */
export interface HealthPullRequest {
  number: number;
  kind: MergeKind;
  /**
   * The commit that landed it on the main line: the merge commit, the squash commit, or the last of
   * the rebased commits.
   */
  mergeCommit: string;
  /**
   * The PR's own commits, as far as known. For a squash merge, the squash commit alone. Hashes that are
   * not in the history (force-pushed away, beyond a shallow boundary) are allowed and ignored.
   */
  commits: readonly string[];
  title: string;
  /** Head branch, e.g. `owner/hotfix/login`, when the merge commit names it. */
  sourceBranch?: string;
  authorName: string;
  authorEmail: string;
  /** Earliest author time among the PR's commits (for a squash without GitHub data: the squash commit's). */
  firstCommitAt: number;
  mergedAt: number;
  /**
   * Lines added + deleted (binary files count 0). From git: the sum over the PR's commits, so a line
   * changed by two commits counts twice; from GitHub: the PR's diff.
   */
  linesChanged: number;
  github?: GitHubPullRequestData;
}

export type ReleaseSource = 'tag' | 'github-release' | 'deployment';

export interface HealthRelease {
  /** Tag name, release name, or deployment id. */
  name: string;
  /** The commit it shipped (a tag is peeled to its commit). */
  commit: string;
  /** When it shipped: tagger date, release publication or deployment time. */
  date: number;
  source: ReleaseSource;
  /** For deployments: the environment, e.g. `production`. */
  environment?: string;
  /**
   * For a release whose commit is not in the history (a tag on a maintenance branch): the history's
   * commits it contains together with their ancestors, its merge bases with HEAD
   * (`git merge-base --all HEAD <commit>`). Without them such a release contains nothing.
   */
  contains?: readonly string[];
}

export interface HealthRevert {
  revertCommit: string;
  /** Full hash when it resolved to a commit in the history, else what the message quoted. */
  revertedCommit: string;
  revertedAt: number;
}

export interface HealthInput {
  repoRoot: string;
  /** Newest first by committer time (the order the engine keeps); other orders work too. */
  commits: readonly HealthCommit[];
  pullRequests: readonly HealthPullRequest[];
  releases: readonly HealthRelease[];
  /** Tags that point at a tree or a blob, not a commit: not releases, but named where releases are defined. */
  tagsNotCommits?: readonly string[];
  reverts: readonly HealthRevert[];
  /**
   * Paths present at HEAD (`git ls-tree -r --name-only HEAD`). Knowledge is computed over these files
   * only, as Avelino et al. do. Without it, a file counts as present unless its last change deleted
   * every line it had (an approximation, said so in the report).
   */
  headFiles?: readonly string[];
  /** True when GitHub data was fetched for the pull requests (even if some have none). */
  hasGitHubData: boolean;
  /** A shallow clone: the oldest commits, and so first authorship, may be missing. */
  shallow: boolean;
}
