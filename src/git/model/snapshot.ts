/**
 * Turns what the built-in git extension reports about a repository into our plain RepoSnapshot.
 * The input is a structural copy (absolute paths, plain values), so this stays pure and testable.
 */
import * as path from 'node:path';
import type { RepoSnapshot } from '../api';

export interface RepoStateInput {
  root: string;
  head?: {
    name?: string;
    commit?: string;
    upstream?: { remote: string; name: string };
    ahead?: number;
    behind?: number;
  };
  remotes: readonly { name: string; fetchUrl?: string; pushUrl?: string }[];
  /** Absolute file-system paths. */
  workingTree: readonly string[];
  untracked: readonly string[];
  index: readonly string[];
  conflicts: readonly string[];
  rebasing: boolean;
  lastCommitAt?: number;
}

export function toSnapshot(input: RepoStateInput, takenAt: number): RepoSnapshot {
  const head = input.head;
  const relative = (paths: readonly string[]) =>
    [...new Set(paths.map((p) => toRepoPath(input.root, p)).filter((p): p is string => p !== undefined))].sort();
  return {
    repoRoot: input.root,
    branch: head?.name || undefined,
    // The git extension reports a detached HEAD as a HEAD with a commit but no branch name.
    detached: !!head && !head.name && !!head.commit,
    head: head?.commit || undefined,
    upstream: head?.upstream ? `${head.upstream.remote}/${head.upstream.name}` : undefined,
    ahead: head?.ahead ?? 0,
    behind: head?.behind ?? 0,
    dirtyFiles: relative([...input.workingTree, ...input.untracked, ...input.conflicts]),
    stagedFiles: relative(input.index),
    mergeInProgress: input.conflicts.length > 0 || input.rebasing,
    lastCommitAt: input.lastCommitAt,
    remotes: input.remotes.map((r) => ({ name: r.name, fetchUrl: r.fetchUrl, pushUrl: r.pushUrl })),
    takenAt,
  };
}

/** `/`-separated path relative to the root; undefined for a path outside the repository. */
export function toRepoPath(root: string, absolute: string, pathApi: typeof path = path): string | undefined {
  const rel = pathApi.relative(root, absolute);
  if (rel === '' || rel.startsWith('..') || pathApi.isAbsolute(rel)) return undefined;
  return rel.split(pathApi.sep).join('/');
}

/** The innermost repository holding `absolute` (a submodule before its parent), if any. */
export function snapshotContaining(
  snapshots: readonly RepoSnapshot[],
  absolute: string,
  pathApi: typeof path = path,
): RepoSnapshot | undefined {
  let best: RepoSnapshot | undefined;
  for (const snapshot of snapshots) {
    const inside = toRepoPath(snapshot.repoRoot, absolute, pathApi) !== undefined;
    if (inside && (!best || snapshot.repoRoot.length > best.repoRoot.length)) best = snapshot;
  }
  return best;
}

/** Snapshots equal in everything but the time they were taken: no need to tell anyone. */
export function sameSnapshot(a: RepoSnapshot | undefined, b: RepoSnapshot): boolean {
  if (!a) return false;
  return JSON.stringify({ ...a, takenAt: 0 }) === JSON.stringify({ ...b, takenAt: 0 });
}
