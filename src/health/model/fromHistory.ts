/**
 * Today's git engine types → Team Health's input. Kept simple on purpose: the engine is being made
 * exact (per-commit counts, rebase merges, tags of tags, each PR's commit list), and this adapter is
 * where its new types will be mapped. Pure.
 */
import type { HistoryModel } from '../../git/api';
import { graphOf, type CommitGraph } from './graph';
import type { GitHubPullRequestData, HealthCommit, HealthInput, HealthPullRequest, HealthRelease } from './input';

export interface FromHistoryOptions {
  /** GitHub data of merged pull requests, by PR number, when signed in. */
  github?: ReadonlyMap<number, GitHubPullRequestData>;
  /** GitHub releases or deployments, to count instead of tags. */
  extraReleases?: readonly HealthRelease[];
  /** `git ls-tree -r --name-only HEAD`. */
  headFiles?: readonly string[];
}

/** A PR branch longer than this is unusual; the walk stops there. */
const MAX_PR_COMMITS = 1000;

export function fromHistory(model: HistoryModel, options: FromHistoryOptions = {}): HealthInput {
  const commits: readonly HealthCommit[] = model.commits; // the engine's Commit fits HealthCommit: no copy
  const graph = graphOf(commits); // shared with computeHealth
  let mainline: Uint8Array | undefined;
  const onMainline = (at: number) => {
    if (!mainline) {
      mainline = new Uint8Array(commits.length);
      let i: number | undefined = model.tip === undefined ? (commits.length > 0 ? 0 : undefined) : graph.position(model.tip);
      while (i !== undefined && i >= 0 && mainline[i] === 0) {
        mainline[i] = 1;
        i = graph.parentStart[i] < graph.parentStart[i + 1] ? graph.parentList[graph.parentStart[i]] : undefined;
      }
    }
    return mainline[at] === 1;
  };

  const pullRequests: HealthPullRequest[] = model.pullRequests.map((pr) => {
    const at = graph.position(pr.mergeCommit);
    const merge = at === undefined ? undefined : commits[at];
    const own = pr.kind === 'squash' || at === undefined ? [pr.mergeCommit] : branchCommits(at, graph, onMainline);
    const author = pr.kind === 'squash' ? merge?.author : own.map((h) => graph.get(h)?.author).find((a) => a?.email === pr.authorEmail);
    const gh = options.github?.get(pr.number);
    return {
      number: pr.number,
      kind: pr.kind,
      mergeCommit: pr.mergeCommit,
      commits: own,
      title: gh?.title ?? pr.title,
      sourceBranch: pr.sourceBranch,
      authorName: author?.name ?? pr.authorEmail,
      authorEmail: pr.authorEmail,
      firstCommitAt: Math.min(pr.firstCommitAt, gh?.firstCommitAt ?? Infinity),
      mergedAt: pr.mergedAt,
      linesChanged: gh?.linesChanged ?? pr.linesChanged,
      github: gh,
    };
  });

  const releases: HealthRelease[] = model.releases.map((r) => ({ name: r.tag, commit: r.commit, date: r.date, source: 'tag' }));
  if (options.extraReleases) releases.push(...options.extraReleases);

  return {
    repoRoot: model.repoRoot,
    commits,
    pullRequests,
    releases,
    reverts: model.reverts.map((r) => ({ revertCommit: r.revertCommit, revertedCommit: r.revertedCommit, revertedAt: r.revertedAt })),
    headFiles: options.headFiles,
    hasGitHubData: options.github !== undefined,
    shallow: model.shallow,
  };
}

/** Commits reachable from a merge's other parents (octopus: all of them) and not on the main line. */
function branchCommits(merge: number, graph: CommitGraph, onMainline: (at: number) => boolean): string[] {
  const out: string[] = [];
  const seen = new Set<number>();
  const stack: number[] = [];
  for (let e = graph.parentStart[merge] + 1; e < graph.parentStart[merge + 1]; e++) stack.push(graph.parentList[e]);
  while (stack.length > 0 && out.length < MAX_PR_COMMITS) {
    const at = stack.pop()!;
    if (at < 0 || seen.has(at) || onMainline(at)) continue; // beyond the history (force-pushed away, shallow)
    seen.add(at);
    const commit = graph.commits[at];
    if (commit.parents.length <= 1) out.push(commit.hash); // a merge of main into the branch is not the PR's work
    for (let e = graph.parentStart[at]; e < graph.parentStart[at + 1]; e++) stack.push(graph.parentList[e]);
  }
  return out;
}
