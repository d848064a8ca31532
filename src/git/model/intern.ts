/**
 * Shares equal values across a history's commits. Names, e-mails, zones and paths repeat across
 * thousands of commits, and so do small file changes ("src/a.ts +3 −1"), so one object per distinct
 * value is kept instead of one per commit. Shared objects are frozen: a commit is immutable anyway.
 * Pure: no I/O, no `vscode`.
 */
import type { FileChange } from '../api';

/** Line counts up to this share an object; larger ones are rare and stay per commit. */
const SMALL = 1 << 20;
const EMPTY_FILES: readonly FileChange[] = Object.freeze([]);

export class Interner {
  private readonly strings = new Map<string, string>();
  /** path → packed (added, deleted) → the shared change */
  private readonly changes = new Map<string, Map<number, FileChange>>();
  /** shared change → the one-element list holding it (most commits touch one file) */
  private readonly singles = new Map<FileChange, FileChange[]>();

  string(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  /** `path` must already be interned (it is the key of the per-path table). */
  change(path: string, added: number | null, deleted: number | null): FileChange {
    const key = packCounts(added, deleted);
    if (key < 0) return { path, added, deleted };
    let byCounts = this.changes.get(path);
    if (!byCounts) this.changes.set(path, (byCounts = new Map()));
    let change = byCounts.get(key);
    if (!change) byCounts.set(key, (change = Object.freeze({ path, added, deleted })));
    return change;
  }

  /**
   * An exact-size copy of a commit's changes. Arrays grown by push keep spare slots (17 for one
   * element); at 100k commits that slack alone was ~12 MB.
   */
  files(scratch: readonly FileChange[], count = scratch.length): FileChange[] {
    if (count === 0) return EMPTY_FILES as FileChange[];
    // Frozen marks a change this interner shares; a one-off (huge counts) gets a list of its own.
    if (count > 1 || !Object.isFrozen(scratch[0])) return scratch.slice(0, count);
    // A one-file commit whose change is shared: the list can be shared too.
    let single = this.singles.get(scratch[0]);
    if (!single) this.singles.set(scratch[0], (single = Object.freeze([scratch[0]]) as FileChange[]));
    return single;
  }
}

/** Both counts in one number (binary = null → 0, n → n + 1), or -1 when either is too large to share. */
function packCounts(added: number | null, deleted: number | null): number {
  const a = added === null ? 0 : added + 1;
  const d = deleted === null ? 0 : deleted + 1;
  if (!(a >= 0 && a < SMALL && d >= 0 && d < SMALL) || !Number.isInteger(a) || !Number.isInteger(d)) return -1;
  return a * SMALL + d;
}

/**
 * Log order is children before parents, so a parent's hash is seen before its own record. Keeping
 * those strings until the parent arrives lets both share one string, with a map only as large as
 * the frontier of unseen parents. Used by the log parser and the cache reader alike.
 */
export class HashSharer {
  private readonly unseenParents = new Map<string, string>();

  parent(hash: string): string {
    const known = this.unseenParents.get(hash);
    if (known !== undefined) return known;
    const copy = hash.length === 40 ? flatCopy(hash) : hash;
    this.unseenParents.set(copy, copy);
    return copy;
  }

  own(hash: string): string {
    const known = this.unseenParents.get(hash);
    if (known === undefined) return hash;
    this.unseenParents.delete(hash);
    return known;
  }
}

/** A standalone copy of a short string, so it does not keep a larger string it was sliced from alive. */
function flatCopy(value: string): string {
  return Buffer.from(value, 'latin1').toString('latin1');
}
