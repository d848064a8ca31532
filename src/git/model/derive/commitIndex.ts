/**
 * One lookup table over a history's commits, shared by the derivations that walk parents (pull
 * requests) or resolve quoted ids (reverts): building it once instead of per derivation keeps the
 * peak memory of a 100k-commit history down. Pure.
 */
import type { Commit } from '../../api';

export class CommitIndex {
  /**
   * hash → position in `commits`, as an open-addressing table of positions + 1 (0 = empty slot).
   * 4 bytes a slot at ≤ 50 % load: ~1 MB for 100k commits, where a Map<string, number> takes ~4 MB.
   */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private mainlineFlags: Uint8Array | undefined;

  /** `commits` newest first, as the history holds them. */
  constructor(readonly commits: readonly Commit[]) {
    let size = 16;
    while (size < commits.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    commits.forEach((c, i) => {
      const slot = this.find(c.hash);
      if (this.slots[slot] === 0) this.slots[slot] = i + 1; // a duplicate keeps its first position
    });
  }

  get(hash: string): Commit | undefined {
    const at = this.position(hash);
    return at === undefined ? undefined : this.commits[at];
  }

  /** A full id, or an abbreviated one (hand-written message) that matches exactly one commit. */
  resolve(id: string): Commit | undefined {
    const exact = this.get(id);
    if (exact || id.length >= 40) return exact;
    let found: Commit | undefined;
    for (const c of this.commits) {
      if (!c.hash.startsWith(id)) continue;
      if (found) return undefined; // ambiguous
      found = c;
    }
    return found;
  }

  /**
   * Whether a commit is on the newest commit's first-parent chain (the mainline). A byte per
   * commit rather than a set of ~100k hashes.
   */
  onMainline(hash: string): boolean {
    const at = this.position(hash);
    return at !== undefined && this.mainline()[at] === 1;
  }

  private mainline(): Uint8Array {
    if (this.mainlineFlags) return this.mainlineFlags;
    const flags = new Uint8Array(this.commits.length);
    let at: number | undefined = this.commits.length > 0 ? 0 : undefined;
    while (at !== undefined && flags[at] === 0) {
      flags[at] = 1;
      const first = this.commits[at].parents[0];
      at = first === undefined ? undefined : this.position(first);
    }
    return (this.mainlineFlags = flags);
  }

  private position(hash: string): number | undefined {
    const stored = this.slots[this.find(hash)];
    return stored === 0 ? undefined : stored - 1;
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

/** FNV-1a over the characters: object ids are uniform already, but test ids and prefixes need not be. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
