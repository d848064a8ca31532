/**
 * The git engine's public contract. Other capabilities import only this file (types, no runtime),
 * never the engine's internals. Pure: no `vscode` import.
 */
import type { Event } from '../core/event';
import type { UnsafeRepository } from './model/unsafe';

/** The working state of one repository, taken from the built-in git extension's events. */
export interface RepoSnapshot {
  /** Absolute file-system path of the work tree's root. */
  repoRoot: string;
  /** Short branch name; undefined when detached or when the repository has no branch yet. */
  branch?: string;
  detached: boolean;
  /** Commit sha of HEAD; undefined on an unborn branch (no commit yet). */
  head?: string;
  /** Upstream as `remote/branch`, when one is configured. */
  upstream?: string;
  ahead: number;
  behind: number;
  /** Repo-relative paths, `/`-separated, with working-tree changes (untracked included). */
  dirtyFiles: string[];
  /** Repo-relative paths with staged (index) changes. */
  stagedFiles: string[];
  mergeInProgress: boolean;
  /** Commit time of HEAD in ms since the epoch. */
  lastCommitAt?: number;
  remotes: { name: string; fetchUrl?: string; pushUrl?: string }[];
  /** When this snapshot was taken, ms since the epoch. */
  takenAt: number;
}

/**
 * One person's share of a file or folder (README, "Figures from history"). A person is one e-mail
 * address after .mailmap, compared case-insensitively; `name` is their newest spelling.
 */
export interface FileOwner {
  email: string;
  name: string;
  /** Distinct non-merge commits by this person that change at least one of the queried files. */
  commits: number;
  /** Distinct files, among those queried, this person changed. */
  files: number;
  /** Lines added + deleted by this person in the queried files (binary files count 0). */
  linesChanged: number;
  lastChangedAt: number;
  /** Recency-weighted share, 0..1; the owners of one query sum to 1. */
  weight: number;
}

export interface Signature {
  name: string;
  email: string;
  /** ms since the epoch. */
  time: number;
  /** The signer's time-zone offset as git prints it, e.g. `+0200`. */
  tz: string;
}

export interface FileChange {
  /** Repo-relative path, `/`-separated. */
  path: string;
  /** Lines added and deleted; null for a binary file (git prints `-`). */
  added: number | null;
  deleted: number | null;
}

export interface Commit {
  hash: string;
  /** Empty for a root commit (or the boundary of a shallow clone); two or more for merges. */
  parents: string[];
  author: Signature;
  committer: Signature;
  subject: string;
  /**
   * The only parts of a message body the engine keeps (the rest is never stored, to save memory):
   * a "Merge pull request" commit's title, the first line of its body.
   */
  prTitle?: string;
  /** The id quoted by "This reverts commit <id>" in the message, when there is one (first one). */
  revertOf?: string;
  /** Per-file numstat; empty for merge commits (git shows no diff for them). */
  files: FileChange[];
}

/** One person's commits over the whole history (README, "Figures from history"). */
export interface AuthorStats {
  /** Lower-cased e-mail after .mailmap: one person. */
  email: string;
  /** The newest spelling of their name. */
  name: string;
  /** Every commit they authored, merges included: `git shortlog -se HEAD`, rows of one e-mail added up. */
  commits: number;
  /** Of those, merge commits (two or more parents). */
  merges: number;
  firstCommitAt: number;
  lastCommitAt: number;
}

/**
 * A pull request whose merge is visible in the history (README, "Figures from history").
 * - `merge`: a "Merge pull request #N from owner/branch" commit; its commits are the non-merge
 *   commits of `git log M^1..M^2`.
 * - `squash`: one commit on the mainline whose subject ends in "(#N)".
 * - `rebase`: several commits on the mainline whose subjects end in the same "(#N)".
 */
export interface MergedPullRequest {
  number: number;
  kind: 'merge' | 'squash' | 'rebase';
  /** The merge commit, or the newest of the squashed/rebased commits. */
  mergeCommit: string;
  /** The PR's commits (non-merge), newest first; for a squash, the one commit. */
  commits: readonly string[];
  title: string;
  /** `owner/branch` from a merge commit's subject. */
  sourceBranch?: string;
  /** Author email of most of the PR's commits (ties: the newest commit's). */
  authorEmail: string;
  /** Earliest author time among the PR's commits (ms). For a squash, the commit's author time. */
  firstCommitAt: number;
  mergedAt: number;
  commitCount: number;
  linesChanged: number;
}

export interface RevertRecord {
  revertCommit: string;
  revertedCommit: string;
  revertedAt: number;
  /** When the reverted commit was committed, if it is in the read history. */
  originalAt?: number;
  /** revertedAt - originalAt, when both are known. */
  timeToRevertMs?: number;
  /** True when the reverted commit was itself a revert (a "reapply"). */
  revertOfRevert: boolean;
}

export interface Release {
  tag: string;
  /** The commit the tag points at, peeled through any number of annotated tags. */
  commit: string;
  /** Tagger date for annotated tags, else the commit's date (ms). */
  date: number;
  annotated: boolean;
}

/** Parsed history of a repository's HEAD plus what is derived from it. Immutable once returned. */
export interface HistoryModel {
  repoRoot: string;
  /** HEAD commit the model was read at; undefined for an empty repository. */
  tip?: string;
  shallow: boolean;
  /** Newest first (by committer time). */
  commits: readonly Commit[];
  pullRequests: readonly MergedPullRequest[];
  reverts: readonly RevertRecord[];
  /** Newest first. */
  releases: readonly Release[];
  /** Tags left out of `releases` because they point at a tree or a blob, not a commit. */
  skippedTags: readonly SkippedTag[];
  /** Commits per person over the whole history, most commits first; bots left out. */
  authors: readonly AuthorStats[];
  /** Owners of files or folders (a folder path covers everything under it; '' is the whole repo). */
  ownersOf(paths: readonly string[]): FileOwner[];
  /** When the model was read, ms since the epoch. */
  readAt: number;
}

export interface SkippedTag {
  tag: string;
  /** What the tag points at once peeled: `tree` or `blob`. */
  type: string;
}

/**
 * `starting` until the workspace's repositories are known (the git extension's first scan is done
 * and each repository has its first snapshot); then `ready`.
 */
export type GitStatus = 'untrusted' | 'starting' | 'ready' | 'git-missing';

export type { UnsafeRepository } from './model/unsafe';

export interface GitApi {
  readonly status: GitStatus;
  readonly snapshots: readonly RepoSnapshot[];
  readonly onDidChangeSnapshots: Event<readonly RepoSnapshot[]>;
  /** The snapshot of the innermost repository holding an absolute path (a submodule before its parent). */
  snapshotContaining(absolutePath: string): RepoSnapshot | undefined;
  readonly onDidChangeStatus: Event<GitStatus>;
  /** Parsed commits and derived data, cached in storage and read incrementally. Rejects when untrusted. */
  history(repoRoot: string): Promise<HistoryModel>;
  /** Files or folders (repo-relative), owners sorted by weight, descending. */
  ownersOf(repoRoot: string, paths: readonly string[]): Promise<FileOwner[]>;
  /** `git config user.email` as git resolves it for this repository. */
  currentUserEmail(repoRoot: string): Promise<string | undefined>;
  /** Repo-relative paths of the files in a commit's tree (`git ls-tree -r --name-only`). Rejects when untrusted. */
  filesAt(repoRoot: string, commit: string): Promise<string[]>;
  /**
   * For each commit, the commits of `tip`'s history its own history sits on: their ancestors are
   * exactly what it shares with the tip, as below `git merge-base --all tip commit` (one `git
   * rev-list` for all). What a tag elsewhere contains of HEAD's history. A commit sharing nothing,
   * one git does not have (a deployment never fetched) or a string that is no commit id is left out;
   * one on the tip's history is its own base. Rejects when untrusted.
   */
  mergeBases(repoRoot: string, tip: string, commits: readonly string[]): Promise<Map<string, string[]>>;
  /**
   * Repositories git refuses to read because another user owns them ("dubious ownership"), each
   * with the `safe.directory` command that trusts it. Views that need history say so, once.
   */
  readonly unsafeRepositories: readonly UnsafeRepository[];
  readonly onDidChangeUnsafe: Event<readonly UnsafeRepository[]>;
}
