/** Reverts found in history, with the time from the reverted commit landing to its revert. Pure. */
import type { Commit, RevertRecord } from '../../api';
import { CommitIndex } from './commitIndex';

const REVERTS = /This reverts commit ([0-9a-f]{7,64})/;

/**
 * `commits` newest first. `sharedIndex` gives the history's shared index; it is asked for only once
 * a revert is found, since most histories have few.
 */
export function findReverts(commits: readonly Commit[], sharedIndex?: () => CommitIndex): RevertRecord[] {
  let index: CommitIndex | undefined;
  const isRevert = (c: Commit) => REVERTS.test(c.body) || /^Revert "/.test(c.subject);

  const out: RevertRecord[] = [];
  for (const commit of commits) {
    const match = REVERTS.exec(commit.body);
    if (!match) continue;
    index ??= sharedIndex?.() ?? new CommitIndex(commits);
    const target = index.resolve(match[1]);
    const revertedAt = commit.committer.time;
    const record: RevertRecord = {
      revertCommit: commit.hash,
      revertedCommit: target?.hash ?? match[1],
      revertedAt,
      revertOfRevert: target ? isRevert(target) : /^Revert "Revert "/.test(commit.subject),
    };
    if (target) {
      record.originalAt = target.committer.time;
      record.timeToRevertMs = Math.max(0, revertedAt - target.committer.time);
    }
    out.push(record);
  }
  return out;
}
