/**
 * The commit graph the metrics share: a hash lookup, parents as positions, and release containment
 * by ancestry. Pure.
 *
 * A release contains a commit when the commit is the release's commit or one of its ancestors
 * (`git merge-base --is-ancestor <commit> <release>`). A commit's first release is the earliest-dated
 * release that contains it (`git tag --contains <commit>`, earliest by date).
 *
 * Built once per history (memoised on the commits array, which the engine keeps immutable), so the
 * adapter, every period and every refresh of the view share it: for 100k commits the lookup table is
 * an Int32Array of ~1 MB, parents are two more, and no 100k-key Map is rebuilt per figure.
 */
import type { HealthCommit, HealthRelease } from './input';

const graphs = new WeakMap<readonly HealthCommit[], CommitGraph>();

/** The graph of `commits`, built on first use and kept as long as the array lives. */
export function graphOf(commits: readonly HealthCommit[]): CommitGraph {
  let graph = graphs.get(commits);
  if (!graph) graphs.set(commits, (graph = new CommitGraph(commits)));
  return graph;
}

export class CommitGraph {
  /** Open addressing: position + 1 per slot (0 = empty), at most half full. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Parents of commit i are parentList[parentStart[i] .. parentStart[i + 1]); -1 when not in the history. */
  readonly parentStart: Int32Array;
  readonly parentList: Int32Array;
  /** Committer time of commit i, and its change time (the earlier of author and committer time: a skewed clock cannot make a change look younger): scanned without touching commits. */
  readonly committedAt: Float64Array;
  readonly changedAt: Float64Array;
  /** 1 for a merge commit (two or more parents). */
  readonly isMerge: Uint8Array;
  private readonly releaseMemo = new Map<string, Int32Array>();
  private readonly derived = new Map<string, unknown>();
  private readonly botMemo = new WeakMap<object, Uint8Array>();

  constructor(readonly commits: readonly HealthCommit[]) {
    let size = 16;
    while (size < commits.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    let edges = 0;
    for (let i = 0; i < commits.length; i++) {
      const slot = this.find(commits[i].hash);
      if (this.slots[slot] === 0) this.slots[slot] = i + 1; // a duplicate keeps its first position
      edges += commits[i].parents.length;
    }
    this.parentStart = new Int32Array(commits.length + 1);
    this.parentList = new Int32Array(edges);
    this.committedAt = new Float64Array(commits.length);
    this.changedAt = new Float64Array(commits.length);
    this.isMerge = new Uint8Array(commits.length);
    let at = 0;
    for (let i = 0; i < commits.length; i++) {
      const c = commits[i];
      this.parentStart[i] = at;
      for (const parent of c.parents) this.parentList[at++] = this.position(parent) ?? -1;
      this.committedAt[i] = c.committer.time;
      this.changedAt[i] = Math.min(c.author.time, c.committer.time);
      this.isMerge[i] = c.parents.length > 1 ? 1 : 0;
    }
    this.parentStart[commits.length] = at;
  }

  position(hash: string): number | undefined {
    const stored = this.slots[this.find(hash)];
    return stored === 0 ? undefined : stored - 1;
  }

  get(hash: string): HealthCommit | undefined {
    const at = this.position(hash);
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
   * Remembered per list of releases: changing the period does not walk again.
   */
  firstReleases(releases: readonly HealthRelease[]): Int32Array {
    const key = releases.map((r) => `${r.commit}@${r.date}`).join(',');
    const known = this.releaseMemo.get(key);
    if (known) return known;
    const first = new Int32Array(this.commits.length).fill(-1);
    const stack = new Int32Array(Math.max(16, this.commits.length));
    const { parentStart, parentList } = this;
    for (let r = 0; r < releases.length; r++) {
      const start = this.position(releases[r].commit);
      if (start === undefined || first[start] !== -1) continue;
      first[start] = r;
      let top = 0;
      stack[top++] = start;
      while (top > 0) {
        const at = stack[--top];
        for (let e = parentStart[at]; e < parentStart[at + 1]; e++) {
          const p = parentList[e];
          if (p < 0 || first[p] !== -1) continue;
          first[p] = r;
          stack[top++] = p;
        }
      }
    }
    if (this.releaseMemo.size >= 8) this.releaseMemo.clear();
    this.releaseMemo.set(key, first);
    return first;
  }

  /**
   * 1 for each commit whose author is a bot by `isBot`, asked once per commit and history rather than
   * once per figure (a configured matcher builds a string key per call).
   */
  botFlags(isBot: (name: string, email: string) => boolean): Uint8Array {
    let flags = this.botMemo.get(isBot);
    if (!flags) {
      flags = new Uint8Array(this.commits.length);
      for (let i = 0; i < this.commits.length; i++) flags[i] = isBot(this.commits[i].author.name, this.commits[i].author.email) ? 1 : 0;
      this.botMemo.set(isBot, flags);
    }
    return flags;
  }

  /** Something derived from the whole history under `key` (e.g. the commits a pattern matches), kept. */
  memo<T>(key: string, compute: () => T): T {
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = compute();
    if (this.derived.size >= 32) this.derived.clear();
    this.derived.set(key, value);
    return value;
  }

  /** The slot holding `hash`, or the empty slot where it would go (linear probing). */
  private find(hash: string): number {
    let slot = hashOf(hash) & this.mask;
    for (;;) {
      const stored = this.slots[slot];
      if (stored === 0 || this.commits[stored - 1].hash === hash) return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** FNV-1a over the characters: real object ids are uniform, but test ids need not be. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Oldest first; ties by name so the order never depends on the input's. */
export function sortReleases(releases: readonly HealthRelease[]): HealthRelease[] {
  return [...releases].sort((a, b) => a.date - b.date || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
