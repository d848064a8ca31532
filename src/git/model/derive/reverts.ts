/** Reverts found in history, with the time from the reverted commit landing to its revert. Pure. */
import type { Commit, RevertRecord } from '../../api';
import { CommitIndex } from './commitIndex';
import { REVERT_SUBJECT } from './definitions';

/**
 * A revert is a commit whose message says "This reverts commit <id>" (the parser keeps that id as
 * `revertOf`; see definitions.ts). `commits` newest first. `sharedIndex` gives the history's shared
 * index; it is asked for only once a revert is found, since most histories have few.
 */
export function findReverts(commits: readonly Commit[], sharedIndex?: () => CommitIndex): RevertRecord[] {
  let index: CommitIndex | undefined;
  const isRevert = (c: Commit) => c.revertOf !== undefined || REVERT_SUBJECT.test(c.subject);

  const out: RevertRecord[] = [];
  for (const commit of commits) {
    const quoted = commit.revertOf;
    if (quoted === undefined) continue;
    index ??= sharedIndex?.() ?? new CommitIndex(commits);
    const target = index.resolve(quoted);
    const revertedAt = commit.committer.time;
    const record: RevertRecord = {
      revertCommit: commit.hash,
      revertedCommit: target?.hash ?? quoted,
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
