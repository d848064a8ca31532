/**
 * The git engine's history → Team Health's input. Pure.
 *
 * The engine's derived data is exact (README, "Figures from history"): each merged PR lists its own
 * non-merge commits (`git log M^1..M^2` for a merge, the one commit of a squash, every commit of a
 * rebase merge), tags are peeled through tags of tags, and a revert names what it reverts. This
 * adapter takes those as they are. A merge whose branch is not in the history (force-pushed away, a
 * shallow clone) lists no commits: its flow figures start at the merge, and nothing breaks.
 */
import type { HistoryModel } from '../../git/api';
import { graphOf } from './graph';
import type { GitHubPullRequestData, HealthCommit, HealthInput, HealthPullRequest, HealthRelease } from './input';

export interface FromHistoryOptions {
  /** GitHub data of merged pull requests, by PR number, when signed in. */
  github?: ReadonlyMap<number, GitHubPullRequestData>;
  /** GitHub releases or deployments, to count instead of tags. */
  extraReleases?: readonly HealthRelease[];
  /** `git ls-tree -r -z --name-only HEAD`. */
  headFiles?: readonly string[];
  /**
   * Release commit → its merge bases with HEAD, for releases whose commit is not in the history
   * (`GitApi.mergeBases`): what such a release contains of the history.
   */
  releaseBases?: ReadonlyMap<string, readonly string[]>;
}

export function fromHistory(model: HistoryModel, options: FromHistoryOptions = {}): HealthInput {
  const commits: readonly HealthCommit[] = model.commits; // the engine's Commit fits HealthCommit: no copy
  const graph = graphOf(commits); // shared with computeHealth

  const pullRequests: HealthPullRequest[] = model.pullRequests.map((pr) => {
    const own = pr.commits.length > 0 ? pr.commits : pr.kind === 'merge' ? [] : [pr.mergeCommit];
    // The name the PR's author goes by: on one of their commits in the PR (the engine picks the e-mail).
    const author = own.map((h) => graph.get(h)?.author).find((a) => a?.email.toLowerCase() === pr.authorEmail.toLowerCase());
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
  const bases = options.releaseBases;
  if (bases && bases.size > 0) {
    for (let i = 0; i < releases.length; i++) {
      const contains = bases.get(releases[i].commit);
      if (contains && graph.position(releases[i].commit) === undefined) releases[i] = { ...releases[i], contains };
    }
  }

  return {
    repoRoot: model.repoRoot,
    commits,
    pullRequests,
    releases,
    tagsNotCommits: model.skippedTags.map((t) => t.tag),
    reverts: model.reverts.map((r) => ({ revertCommit: r.revertCommit, revertedCommit: r.revertedCommit, revertedAt: r.revertedAt })),
    headFiles: options.headFiles,
    hasGitHubData: options.github !== undefined,
    shallow: model.shallow,
  };
}
