/** Reverts found in history, with the time from the reverted commit landing to its revert. Pure. */
import type { Commit, RevertRecord } from '../api';

const REVERTS = /This reverts commit ([0-9a-f]{7,64})/;

export function findReverts(commits: readonly Commit[]): RevertRecord[] {
  const byHash = new Map<string, Commit>();
  for (const c of commits) byHash.set(c.hash, c);
  const isRevert = (c: Commit) => REVERTS.test(c.body) || /^Revert "/.test(c.subject);

  const out: RevertRecord[] = [];
  for (const commit of commits) {
    const match = REVERTS.exec(commit.body);
    if (!match) continue;
    const target = resolve(match[1], byHash, commits);
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

function resolve(id: string, byHash: Map<string, Commit>, commits: readonly Commit[]): Commit | undefined {
  const exact = byHash.get(id);
  if (exact || id.length >= 40) return exact;
  // An abbreviated id (hand-written message): accept only an unambiguous prefix.
  const matches = commits.filter((c) => c.hash.startsWith(id));
  return matches.length === 1 ? matches[0] : undefined;
}
