/**
 * The rules behind every figure derived from history, in one place. README.md, "Figures from
 * history", states each one with the plain `git` command it must match, and
 * scripts/bench/git-correctness.ts checks them against those commands on real repositories.
 * Pure: no I/O, no `vscode`.
 */

/** GitHub's merge-button subject: "Merge pull request #N from owner/branch". */
export const MERGE_PR_SUBJECT = /^Merge pull request #(\d+) from (\S+)/;

/** A squash or rebase merge from GitHub's buttons ends the subject with "(#N)". */
export const PR_SUFFIX = /\(#(\d+)\)\s*$/;

/**
 * "(#N)" subjects committed before this instant are never pull requests: GitHub's pull requests
 * appeared in 2008, so an older "(#2)" is a patch-series marker (git/git has several).
 */
export const FIRST_POSSIBLE_PR_AT = Date.UTC(2008, 0, 1);

/** `git revert` writes this line; the id is the reverted commit (full, or abbreviated by hand). */
export const REVERT_LINE = 'This reverts commit ';
export const REVERT_ID = /^[0-9a-f]{7,64}/;

/** The subject `git revert` writes. */
export const REVERT_SUBJECT = /^Revert "/;

export function isMerge(parents: readonly string[]): boolean {
  return parents.length > 1;
}

/** Whether a subject is a GitHub merge-button subject on a commit with two or more parents. */
export function mergePullRequestNumber(subject: string, parents: readonly string[]): number | undefined {
  if (!isMerge(parents)) return undefined;
  const match = MERGE_PR_SUBJECT.exec(subject);
  return match ? Number(match[1]) : undefined;
}

/**
 * The PR number a non-merge commit's subject ends with, when the commit may be (part of) a squash
 * or rebase merge: not a merge, subject ends in "(#N)", committed in or after 2008. Whether it is on
 * the mainline is checked by the caller, which knows the graph.
 */
export function suffixPullRequestNumber(subject: string, parents: readonly string[], committedAt: number): number | undefined {
  if (isMerge(parents) || committedAt < FIRST_POSSIBLE_PR_AT) return undefined;
  const match = PR_SUFFIX.exec(subject);
  if (!match) return undefined;
  const number = Number(match[1]);
  return number > 0 && Number.isSafeInteger(number) ? number : undefined;
}

/** Lines a commit changed: added + deleted over its files; a binary file counts 0. */
export function linesOf(files: readonly { added: number | null; deleted: number | null }[]): number {
  let sum = 0;
  for (const f of files) sum += (f.added ?? 0) + (f.deleted ?? 0);
  return sum;
}

/** One person: their e-mail after .mailmap, lower-cased. */
export function personKey(email: string): string {
  return email.toLowerCase();
}
