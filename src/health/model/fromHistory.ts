/**
 * Today's git engine types → Team Health's input. Kept simple on purpose: the engine is being made
 * exact (per-commit counts, rebase merges, tags of tags, each PR's commit list), and this adapter is
 * where its new types will be mapped. Pure.
 */
import type { HistoryModel } from '../../git/api';
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
  const byHash = new Map<string, HealthCommit>();
  for (const c of commits) byHash.set(c.hash, c);
  let mainline: Set<string> | undefined;
  const onMainline = (hash: string) => {
    if (!mainline) {
      mainline = new Set();
      let at: string | undefined = model.tip ?? commits[0]?.hash;
      while (at !== undefined && !mainline.has(at)) {
        mainline.add(at);
        at = byHash.get(at)?.parents[0];
      }
    }
    return mainline.has(hash);
  };

  const pullRequests: HealthPullRequest[] = model.pullRequests.map((pr) => {
    const merge = byHash.get(pr.mergeCommit);
    const own = pr.kind === 'squash' || !merge ? [pr.mergeCommit] : branchCommits(merge, byHash, onMainline);
    const author = pr.kind === 'squash' ? merge?.author : own.map((h) => byHash.get(h)?.author).find((a) => a?.email === pr.authorEmail);
    const gh = options.github?.get(pr.number);
    return {
      number: pr.number,
      kind: pr.kind,
      mergeCommit: pr.mergeCommit,
      commits: own,
      title: pr.title,
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
function branchCommits(merge: HealthCommit, byHash: ReadonlyMap<string, HealthCommit>, onMainline: (hash: string) => boolean): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = merge.parents.slice(1);
  while (stack.length > 0 && out.length < MAX_PR_COMMITS) {
    const hash = stack.pop()!;
    if (seen.has(hash) || onMainline(hash)) continue;
    seen.add(hash);
    const commit = byHash.get(hash);
    if (!commit) continue;
    if (commit.parents.length <= 1) out.push(hash); // a merge of main into the branch is not the PR's work
    stack.push(...commit.parents);
  }
  return out;
}
