/**
 * The commit graph the metrics share: a hash lookup and release containment by ancestry. Pure.
 *
 * A release contains a commit when the commit is the release's commit or one of its ancestors
 * (`git merge-base --is-ancestor <commit> <release>`). A commit's first release is the earliest-dated
 * release that contains it (`git tag --contains <commit>`, earliest by date).
 */
import type { HealthCommit, HealthRelease } from './input';

export class CommitGraph {
  private readonly positions = new Map<string, number>();

  constructor(readonly commits: readonly HealthCommit[]) {
    for (let i = 0; i < commits.length; i++) {
      if (!this.positions.has(commits[i].hash)) this.positions.set(commits[i].hash, i);
    }
  }

  position(hash: string): number | undefined {
    return this.positions.get(hash);
  }

  get(hash: string): HealthCommit | undefined {
    const at = this.positions.get(hash);
    return at === undefined ? undefined : this.commits[at];
  }

  /**
   * For each commit (by position), the index in `releases` of its first release, or -1 when no
   * release contains it. `releases` must be sorted by date ascending (see `sortReleases`).
   *
   * Releases are walked oldest first; each marks the unmarked ancestors of its commit. A commit marked
   * by an older release has all its ancestors marked already, so the walk stops there and the whole
   * pass touches every commit once. Releases whose commit is not in the history (a tag on a branch
   * that was never merged, or on history that was force-pushed away) contain nothing here.
   */
  firstReleases(releases: readonly HealthRelease[]): Int32Array {
    const first = new Int32Array(this.commits.length).fill(-1);
    const stack: number[] = [];
    for (let r = 0; r < releases.length; r++) {
      const start = this.positions.get(releases[r].commit);
      if (start === undefined || first[start] !== -1) continue;
      first[start] = r;
      stack.push(start);
      while (stack.length > 0) {
        const at = stack.pop()!;
        for (const parent of this.commits[at].parents) {
          const p = this.positions.get(parent);
          if (p === undefined || first[p] !== -1) continue;
          first[p] = r;
          stack.push(p);
        }
      }
    }
    return first;
  }
}

/** Oldest first; ties by name so the order never depends on the input's. */
export function sortReleases(releases: readonly HealthRelease[]): HealthRelease[] {
  return [...releases].sort((a, b) => a.date - b.date || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * When a change was made: the earlier of its author and committer dates. A commit is written before
 * it is committed, so a later author date only comes from a skewed clock; taking the earlier one
 * means a skewed clock cannot make a change look younger than it is.
 */
export function changeTime(commit: HealthCommit): number {
  return Math.min(commit.author.time, commit.committer.time);
}

export function linesOf(commit: HealthCommit): number {
  let sum = 0;
  for (const f of commit.files) sum += (f.added ?? 0) + (f.deleted ?? 0);
  return sum;
}
