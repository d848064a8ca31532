/**
 * Merged pull requests inferred from history alone (no GitHub call). Pure.
 *
 * - GitHub merge commits: "Merge pull request #N from owner/branch". The PR's commits are those
 *   reachable from the second parent but not from the mainline (HEAD's first-parent chain).
 * - Squash merges: a single-parent commit whose subject ends with "(#N)".
 */
import type { Commit, MergedPullRequest } from '../../api';
import { CommitIndex } from './commitIndex';

const MERGE_SUBJECT = /^Merge pull request #(\d+) from (\S+)/;
const SQUASH_SUBJECT = /\(#(\d+)\)\s*$/;
/** A PR branch longer than this is unusual; the walk stops so one odd merge cannot cost seconds. */
const MAX_PR_COMMITS = 1000;

/** `commits` newest first, as the history holds them; pass the history's shared index when there is one. */
export function inferPullRequests(commits: readonly Commit[], index: CommitIndex = new CommitIndex(commits)): MergedPullRequest[] {
  if (commits.length === 0) return [];

  const found = new Map<number, MergedPullRequest>();
  for (const commit of commits) {
    const merge = MERGE_SUBJECT.exec(commit.subject);
    if (merge && commit.parents.length >= 2) {
      const number = Number(merge[1]);
      const branchCommits = walkBranch(commit.parents[1], index);
      const first = branchCommits.reduce((min, c) => Math.min(min, c.author.time), commit.author.time);
      const author = branchCommits.length > 0 ? latestAuthor(branchCommits) : commit.author.email;
      const title = commit.body.split('\n')[0]?.trim() || commit.subject;
      const pr: MergedPullRequest = {
        number,
        kind: 'merge',
        mergeCommit: commit.hash,
        title,
        sourceBranch: merge[2],
        authorEmail: author,
        firstCommitAt: first,
        mergedAt: commit.committer.time,
        commitCount: branchCommits.length,
        linesChanged: branchCommits.reduce((sum, c) => sum + linesOf(c), 0),
      };
      if (!found.has(number)) found.set(number, pr);
      continue;
    }
    const squash = commit.parents.length <= 1 ? SQUASH_SUBJECT.exec(commit.subject) : null;
    if (squash) {
      const number = Number(squash[1]);
      if (found.has(number)) continue; // the newest mention wins (e.g. a later revert quoting it is not a squash: it says "Revert")
      if (/^Revert "/.test(commit.subject)) continue;
      found.set(number, {
        number,
        kind: 'squash',
        mergeCommit: commit.hash,
        title: commit.subject.replace(SQUASH_SUBJECT, '').trim(),
        authorEmail: commit.author.email,
        firstCommitAt: commit.author.time,
        mergedAt: commit.committer.time,
        commitCount: 1,
        linesChanged: linesOf(commit),
      });
    }
  }
  return [...found.values()].sort((a, b) => b.mergedAt - a.mergedAt);
}

function walkBranch(start: string, index: CommitIndex): Commit[] {
  const seen = new Set<string>();
  const out: Commit[] = [];
  const stack = [start];
  while (stack.length > 0 && out.length < MAX_PR_COMMITS) {
    const hash = stack.pop()!;
    if (seen.has(hash) || index.onMainline(hash)) continue;
    seen.add(hash);
    const commit = index.get(hash);
    if (!commit) continue; // beyond a shallow boundary or the read window
    // A merge of main into the branch brings main's commits; they are not the PR's work.
    if (commit.parents.length <= 1) out.push(commit);
    stack.push(...commit.parents);
  }
  return out;
}

function latestAuthor(commits: readonly Commit[]): string {
  const counts = new Map<string, number>();
  for (const c of commits) counts.set(c.author.email, (counts.get(c.author.email) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

function linesOf(commit: Commit): number {
  return commit.files.reduce((sum, f) => sum + (f.added ?? 0) + (f.deleted ?? 0), 0);
}
