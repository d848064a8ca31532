/**
 * The commits the parser and the cache reader build: `Commit`s (api.ts) laid out for 100k of them.
 *
 * A `Signature` object per author and committer (name, e-mail, zone, and a boxed double for the
 * time) cost ~72 bytes each: 8.6 MB for git/git's 82k commits. Here a commit holds the who (one
 * interned `Identity` per name, e-mail and zone) and the when (whole seconds since 2020, a small
 * integer V8 stores inline), and builds the `Signature` when `author` or `committer` is read.
 * A time that is not whole seconds, or outside 1986–2054 (where the offset stops being a small
 * integer on every V8 build), gets a plain object instead, so the class never holds a double.
 * Pure: no I/O, no `vscode`.
 */
import type { Commit, FileChange, Signature } from '../api';

export interface Identity {
  readonly name: string;
  readonly email: string;
  readonly tz: string;
}

/** 2020-01-01T00:00:00Z in seconds: times are kept as seconds from here. */
const BASE_SECONDS = 1_577_836_800;
/** ±2^30 seconds (±34 years): a small integer on builds with 31-bit ones (pointer compression). */
const LIMIT = 2 ** 30;

class StoredCommit implements Commit {
  // `declare`: no own property unless the commit has one (an absent one costs nothing).
  declare prTitle?: string;
  declare revertOf?: string;

  constructor(
    readonly hash: string,
    readonly parents: string[],
    private readonly who: Identity,
    private readonly whenSeconds: number,
    private readonly committedBy: Identity,
    private readonly committedSeconds: number,
    readonly subject: string,
    readonly files: FileChange[],
  ) {}

  get author(): Signature {
    return { name: this.who.name, email: this.who.email, time: (this.whenSeconds + BASE_SECONDS) * 1000, tz: this.who.tz };
  }

  get committer(): Signature {
    const by = this.committedBy;
    return { name: by.name, email: by.email, time: (this.committedSeconds + BASE_SECONDS) * 1000, tz: by.tz };
  }

  /** The plain `Commit` (for JSON and logs), without the internal fields. */
  toJSON(): Commit {
    return toPlainCommit(this);
  }
}

/** Shares one `Identity` per (name, e-mail, zone). Give it interned strings (see Interner). */
export class IdentityTable {
  private readonly byName = new Map<string, Map<string, Map<string, Identity>>>();

  get(name: string, email: string, tz: string): Identity {
    let byEmail = this.byName.get(name);
    if (!byEmail) this.byName.set(name, (byEmail = new Map()));
    let byZone = byEmail.get(email);
    if (!byZone) byEmail.set(email, (byZone = new Map()));
    let identity = byZone.get(tz);
    if (!identity) byZone.set(tz, (identity = Object.freeze({ name, email, tz })));
    return identity;
  }
}

export interface CommitFields {
  hash: string;
  parents: string[];
  author: Identity;
  /** ms since the epoch */
  authorTime: number;
  committer: Identity;
  committerTime: number;
  subject: string;
  files: FileChange[];
  prTitle?: string;
  revertOf?: string;
}

function offset(ms: number): number | undefined {
  const seconds = ms / 1000 - BASE_SECONDS;
  return Number.isInteger(seconds) && seconds > -LIMIT && seconds < LIMIT ? seconds : undefined;
}

export function makeCommit(f: CommitFields): Commit {
  const at = offset(f.authorTime);
  const ct = offset(f.committerTime);
  let commit: Commit;
  if (at !== undefined && ct !== undefined) {
    commit = new StoredCommit(f.hash, f.parents, f.author, at, f.committer, ct, f.subject, f.files);
  } else {
    const signature = (who: Identity, time: number): Signature => ({ name: who.name, email: who.email, time, tz: who.tz });
    commit = {
      hash: f.hash,
      parents: f.parents,
      author: signature(f.author, f.authorTime),
      committer: signature(f.committer, f.committerTime),
      subject: f.subject,
      files: f.files,
    };
  }
  if (f.prTitle !== undefined) commit.prTitle = f.prTitle;
  if (f.revertOf !== undefined) commit.revertOf = f.revertOf;
  return commit;
}

/** A plain-object copy of any commit: what tests compare and what JSON shows. */
export function toPlainCommit(c: Commit): Commit {
  const plain: Commit = {
    hash: c.hash,
    parents: c.parents,
    author: { ...c.author },
    committer: { ...c.committer },
    subject: c.subject,
    files: c.files,
  };
  if (c.prTitle !== undefined) plain.prTitle = c.prTitle;
  if (c.revertOf !== undefined) plain.revertOf = c.revertOf;
  return plain;
}
