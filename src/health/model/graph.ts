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
  /**
   * Open addressing, at most half full: per slot, position + 1 (0 = empty) and the commit's key. A
   * full object id's key is its first 16 hex digits as two 32-bit numbers (64 bits: two commits of
   * one repository never share them), so a look-up compares numbers in typed arrays and never touches
   * a commit object or compares a string. Ids that are not hex (hand-written test ids) fall back to
   * comparing the strings themselves.
   */
  private readonly slots: Int32Array;
  /** Per slot, side by side so one probe reads one cache line: key high, key low (hex ids only). */
  private readonly keys: Int32Array;
  private readonly mask: number;
  /** All ids are hex: keys decide equality. */
  private readonly hexIds: boolean;
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
    const n = commits.length;
    let size = 16;
    while (size < n * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.keys = new Int32Array(size * 2);
    this.mask = size - 1;
    this.parentStart = new Int32Array(n + 1);
    this.committedAt = new Float64Array(n);
    this.changedAt = new Float64Array(n);
    this.isMerge = new Uint8Array(n);
    this.hexIds = commits.every((c) => hexStart(c.hash));

    // One pass over the commits (each is read once: at 100k commits, touching scattered objects is the
    // cost): keys, times, and each parent's key, resolved to a position once every commit is in the table.
    let parentHigh = new Int32Array(Math.max(16, n + (n >> 2)));
    let parentLow = new Int32Array(parentHigh.length);
    const parentIds: string[] = [];
    let edges = 0;
    for (let i = 0; i < n; i++) {
      const c = commits[i];
      const hash = c.hash;
      if (this.hexIds) {
        const high = hexKey(hash, 0);
        const low = hexKey(hash, 8);
        const slot = this.findKey(high, low);
        if (this.slots[slot] === 0) {
          this.slots[slot] = i + 1; // a duplicate keeps its first position
          this.keys[2 * slot] = high;
          this.keys[2 * slot + 1] = low;
        }
      } else {
        const slot = this.findId(hash);
        if (this.slots[slot] === 0) this.slots[slot] = i + 1;
      }
      const parents = c.parents;
      this.parentStart[i] = edges;
      if (edges + parents.length > parentHigh.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2 + parents.length);
          b.set(a);
          return b;
        };
        parentHigh = grow(parentHigh);
        parentLow = grow(parentLow);
      }
      for (const parent of parents) {
        if (this.hexIds && hexStart(parent)) {
          parentHigh[edges] = hexKey(parent, 0);
          parentLow[edges] = hexKey(parent, 8);
        } else {
          parentIds[edges] = parent;
        }
        edges++;
      }
      const author = c.author.time;
      const committer = c.committer.time;
      this.committedAt[i] = committer;
      this.changedAt[i] = Math.min(author, committer);
      this.isMerge[i] = parents.length > 1 ? 1 : 0;
    }
    this.parentStart[n] = edges;
    this.parentList = new Int32Array(edges);
    for (let e = 0; e < edges; e++) {
      const id = parentIds[e];
      const slot = id === undefined ? this.findKey(parentHigh[e], parentLow[e]) : this.hexIds ? -1 : this.findId(id);
      this.parentList[e] = slot < 0 ? -1 : this.slots[slot] - 1;
    }
  }

  position(hash: string): number | undefined {
    let slot: number;
    if (this.hexIds) {
      if (!hexStart(hash)) return undefined;
      slot = this.findKey(hexKey(hash, 0), hexKey(hash, 8));
      // Keys are 64 bits of a full id: an abbreviated or longer string with the same start is not it.
      if (this.slots[slot] === 0 || this.commits[this.slots[slot] - 1].hash.length !== hash.length) return undefined;
    } else {
      slot = this.findId(hash);
    }
    const stored = this.slots[slot];
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
   * pass touches every commit once. A release whose commit is not in the history (a tag on a
   * maintenance branch) starts from its merge bases with HEAD (`contains`), as `git tag --contains`
   * would count it; without them it contains nothing.
   * Remembered per list of releases: changing the period does not walk again.
   */
  firstReleases(releases: readonly HealthRelease[]): Int32Array {
    const key = releases.map((r) => `${r.commit}@${r.date}${r.contains ? `+${r.contains.join('+')}` : ''}`).join(',');
    const known = this.releaseMemo.get(key);
    if (known) return known;
    const first = new Int32Array(this.commits.length).fill(-1);
    const stack = new Int32Array(Math.max(16, this.commits.length));
    const { parentStart, parentList } = this;
    for (let r = 0; r < releases.length; r++) {
      const own = this.position(releases[r].commit);
      const starts = own !== undefined ? [own] : (releases[r].contains ?? []).map((h) => this.position(h));
      let top = 0;
      for (const start of starts) {
        if (start === undefined || first[start] !== -1) continue;
        first[start] = r;
        stack[top++] = start;
      }
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

  /** The slot holding the key, or the empty slot where it would go (linear probing). */
  private findKey(high: number, low: number): number {
    const { slots, keys, mask } = this;
    let slot = (high ^ Math.imul(low, 0x9e3779b1)) & mask;
    for (;;) {
      if (slots[slot] === 0 || (keys[2 * slot] === high && keys[2 * slot + 1] === low)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** The same for ids that are not hex, by comparing the strings. */
  private findId(hash: string): number {
    let slot = hashOf(hash) & this.mask;
    for (;;) {
      const stored = this.slots[slot];
      if (stored === 0 || this.commits[stored - 1].hash === hash) return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** True when `text` starts with 16 lower-case hex digits (a full object id does). */
function hexStart(text: string): boolean {
  if (text.length < 16) return false;
  for (let i = 0; i < 16; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** Eight hex digits of `text` from `at` as a 32-bit number (call after `hexStart`). */
function hexKey(text: string, at: number): number {
  let value = 0;
  for (let i = at; i < at + 8; i++) {
    const c = text.charCodeAt(i);
    value = (value << 4) | (c <= 57 ? c - 48 : c - 87);
  }
  return value;
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
