/**
 * Merged pull requests inferred from history alone (no GitHub call). Pure. The rules (README,
 * "Figures from history"; patterns in definitions.ts):
 *
 * - Merge: a commit with two or more parents whose subject is "Merge pull request #N from
 *   owner/branch". Its commits are the non-merge commits of `git log M^1..M^2` (reachable from the
 *   merged side, not from the first parent), so a merge of main into the branch brings none of
 *   main's work. Every such merge commit is one PR, wherever it is in the graph.
 * - Squash or rebase: non-merge commits on the mainline (HEAD's first-parent chain, where GitHub's
 *   buttons put them) whose subject ends in "(#N)", committed in or after 2008. All commits with
 *   the same N are one PR: one commit is a squash, several a rebase merge. A number that a merge
 *   commit already names is not reused. "(#N)" subjects off the mainline (patches that came in
 *   through merges, such as git/git's 2006 "(#2)" ones) are never PRs.
 */
import type { Commit, MergedPullRequest } from '../../api';
import { CommitIndex } from './commitIndex';
import { MERGE_PR_SUBJECT, PR_SUFFIX, isMerge, linesOf, mergePullRequestNumber, suffixPullRequestNumber } from './definitions';

/** `commits` newest first, as the history holds them; pass the history's shared index when there is one. */
export function inferPullRequests(commits: readonly Commit[], index: CommitIndex = new CommitIndex(commits)): MergedPullRequest[] {
  if (commits.length === 0) return [];

  const found: MergedPullRequest[] = [];
  const mergeNumbers = new Set<number>();
  /** N → its "(#N)" commits on the mainline, newest first */
  const suffixed = new Map<number, Commit[]>();
  for (const commit of commits) {
    const number = mergePullRequestNumber(commit.subject, commit.parents);
    if (number !== undefined) {
      mergeNumbers.add(number);
      const prCommits = index
        .between(commit.parents.slice(1), commit.parents.slice(0, 1))
        .map((at) => index.commits[at])
        .filter((c) => !isMerge(c.parents));
      found.push({
        ...summary(number, 'merge', commit, prCommits, commit.prTitle || commit.subject),
        sourceBranch: MERGE_PR_SUBJECT.exec(commit.subject)![2],
        mergedAt: commit.committer.time, // the merge, even if a branch commit's clock ran ahead
      });
      continue;
    }
    const suffix = suffixPullRequestNumber(commit.subject, commit.parents, commit.committer.time);
    if (suffix === undefined || !index.onMainline(commit.hash)) continue;
    const group = suffixed.get(suffix);
    if (group) group.push(commit);
    else suffixed.set(suffix, [commit]);
  }
  for (const [number, group] of suffixed) {
    if (mergeNumbers.has(number)) continue;
    const oldest = group[group.length - 1];
    found.push(summary(number, group.length === 1 ? 'squash' : 'rebase', group[0], group, oldest.subject.replace(PR_SUFFIX, '').trim()));
  }
  return found.sort((a, b) => b.mergedAt - a.mergedAt || b.number - a.number);
}

/** The figures every kind shares. `prCommits` newest first; `landed` the merge or newest commit. */
function summary(
  number: number,
  kind: MergedPullRequest['kind'],
  landed: Commit,
  prCommits: readonly Commit[],
  title: string,
): MergedPullRequest {
  let firstCommitAt = landed.author.time;
  let mergedAt = landed.committer.time;
  let linesChanged = 0;
  for (const c of prCommits) {
    firstCommitAt = Math.min(firstCommitAt, c.author.time);
    mergedAt = Math.max(mergedAt, c.committer.time);
    linesChanged += linesOf(c.files);
  }
  return {
    number,
    kind,
    mergeCommit: landed.hash,
    commits: prCommits.map((c) => c.hash),
    title,
    authorEmail: prCommits.length > 0 ? mostFrequentAuthor(prCommits) : landed.author.email,
    firstCommitAt,
    mergedAt,
    commitCount: prCommits.length,
    linesChanged,
  };
}

/**
 * The author of most of the commits (newest first); a tie goes to the author of the newest of them.
 * A person is an e-mail compared case-insensitively (README), so "Ann@x.io" and "ann@x.io" add up.
 */
function mostFrequentAuthor(commits: readonly Commit[]): string {
  const counts = new Map<string, number>();
  const person = (c: Commit) => c.author.email.toLowerCase();
  for (const c of commits) counts.set(person(c), (counts.get(person(c)) ?? 0) + 1);
  const most = Math.max(...counts.values());
  return commits.find((c) => counts.get(person(c)) === most)!.author.email;
}
