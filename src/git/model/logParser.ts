/**
 * Streaming parser for `git log -z --numstat` output in our own NUL-delimited format.
 *
 * Why bytes, not strings: a chunk boundary can fall inside a multi-byte UTF-8 character, and
 * repositories contain non-UTF-8 names. NUL never occurs inside UTF-8, so we split the raw bytes on
 * NUL first and decode each complete field on its own.
 *
 * Message bodies are never decoded as a whole: git/git has 41 MB of them, and only two things in a
 * body are ever used (see derive/definitions.ts): a merged pull request's title and the id after
 * "This reverts commit". Those are picked out of the bytes; the rest is dropped as it streams by.
 * Pure: no I/O, no `vscode`.
 */
import { isUtf8 } from 'node:buffer';
import type { Commit, FileChange } from '../api';
import { IdentityTable, makeCommit, type Identity } from './commit';
import { MERGE_PR_SUBJECT, REVERT_ID, REVERT_LINE } from './derive/definitions';
import { HashSharer, Interner } from './intern';

/**
 * Header fields after the record sentinel, in this order. `%aN`/`%aE` honour .mailmap. `%m` is the
 * side of a symmetric range (`<` left, `>` right, `-` boundary); a plain range prints `>`.
 */
const HEADER_FORMAT = ['%H', '%P', '%m', '%aN', '%aE', '%ad', '%cN', '%cE', '%cd', '%s', '%b'];
const HEADER_FIELDS = HEADER_FORMAT.length;
const BODY_FIELD = HEADER_FIELDS - 1;
const REVERT_BYTES = Buffer.from(REVERT_LINE, 'latin1');

/** Which side of `git log A...B --left-right` a commit came from. */
export type LogSide = 'left' | 'right';
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/**
 * The `--format` for a given sentinel. The sentinel is random per run, so no commit message or
 * file name in a hostile repository can forge a record start.
 */
export function logFormat(sentinel: string): string {
  return `%x1e${sentinel}%x00${HEADER_FORMAT.join('%x00')}%x00`;
}

/** The arguments (after `git`) that produce what this parser reads. `--date=raw` gives epoch + zone. */
export function logArgs(sentinel: string): string[] {
  return ['log', '-z', '--numstat', '--no-renames', '--date=raw', `--format=${logFormat(sentinel)}`];
}

export function newSentinel(): string {
  return `MPX${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 10)}`;
}

/** Decodes one field: UTF-8 when valid, else Latin-1 so a legacy name stays readable, never throws. */
export function decodeField(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes.toString('latin1');
}

export function parseRawDate(raw: string): { time: number; tz: string } {
  const match = /^(-?\d+)\s+([+-]\d{4})$/.exec(raw.trim());
  if (!match) return { time: 0, tz: '+0000' };
  return { time: Number(match[1]) * 1000, tz: match[2] };
}

type State = 'seek' | 'header' | 'files' | 'renameOld' | 'renameNew';

export class LogStreamParser {
  private readonly sentinel: Buffer;
  private pending: Buffer[] = [];
  private state: State = 'seek';
  private header: string[] = [];
  /** What the body field yielded for the commit being read. */
  private prTitle: string | undefined;
  private revertOf: string | undefined;
  /** Reused for every commit; each commit gets an exact-size copy (see Interner.files). */
  private readonly files: FileChange[] = [];
  private fileCount = 0;
  private renameCounts: { added: number | null; deleted: number | null } | undefined;
  /** Names, emails, paths and small file changes repeat across thousands of commits: share them. */
  private readonly intern = new Interner();
  private readonly hashes = new HashSharer();
  private readonly identities = new IdentityTable();
  private skippedRecords = 0;

  constructor(
    sentinel: string,
    private readonly onCommit: (commit: Commit, side: LogSide) => void,
  ) {
    this.sentinel = Buffer.from(`\x1e${sentinel}`, 'latin1');
  }

  /** Records that could not be parsed (e.g. a NUL in a message); the parser resynchronised after them. */
  get skipped(): number {
    return this.skippedRecords;
  }

  push(chunk: Uint8Array): void {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (;;) {
      const nul = buffer.indexOf(0, start);
      if (nul < 0) break;
      const piece = buffer.subarray(start, nul);
      if (this.pending.length > 0) {
        this.pending.push(piece);
        this.field(Buffer.concat(this.pending));
        this.pending = [];
      } else {
        this.field(piece);
      }
      start = nul + 1;
    }
    if (start < buffer.length) {
      // Copy: the caller may reuse its chunk buffer.
      this.pending.push(Buffer.from(buffer.subarray(start)));
    }
  }

  /** Flushes the last record. Call once when the stream ends. */
  end(): void {
    if (this.pending.length > 0) {
      this.field(Buffer.concat(this.pending));
      this.pending = [];
    }
    this.flushCommit();
    this.state = 'seek';
  }

  private field(bytes: Buffer): void {
    if (bytes.equals(this.sentinel)) {
      this.flushCommit();
      this.state = 'header';
      this.header = [];
      this.fileCount = 0;
      return;
    }
    switch (this.state) {
      case 'seek':
        return;
      case 'header':
        if (this.header.length === BODY_FIELD) this.body(bytes);
        this.header.push(this.header.length === BODY_FIELD ? '' : decodeField(bytes));
        if (this.header.length === HEADER_FIELDS) {
          if (SHA.test(this.header[0])) {
            this.state = 'files';
          } else {
            this.skippedRecords++;
            this.state = 'seek';
          }
        }
        return;
      case 'files':
        this.fileField(bytes);
        return;
      case 'renameOld':
        this.state = 'renameNew';
        return;
      case 'renameNew': {
        const counts = this.renameCounts ?? { added: null, deleted: null };
        this.files[this.fileCount++] = this.intern.change(this.intern.string(decodeField(bytes)), counts.added, counts.deleted);
        this.state = 'files';
        return;
      }
    }
  }

  /** Keeps only what the derivations use from the body (the subject and parents are known by now). */
  private body(bytes: Buffer): void {
    const [, parents, , , , , , , , subject] = this.header;
    this.revertOf = revertId(subject) ?? revertIdIn(bytes);
    this.prTitle = undefined;
    if (parents.includes(' ') && MERGE_PR_SUBJECT.test(subject)) {
      const newline = bytes.indexOf(0x0a);
      const title = decodeField(newline < 0 ? bytes : bytes.subarray(0, newline)).trim();
      if (title !== '') this.prTitle = title;
    }
  }

  private fileField(bytes: Buffer): void {
    // The first numstat entry follows a newline; the empty field is git's record separator.
    let offset = 0;
    while (offset < bytes.length && bytes[offset] === 0x0a) offset++;
    if (offset === bytes.length) return;
    const text = decodeField(offset ? bytes.subarray(offset) : bytes);
    const firstTab = text.indexOf('\t');
    const secondTab = firstTab < 0 ? -1 : text.indexOf('\t', firstTab + 1);
    if (secondTab < 0) {
      // Not numstat: a stray field (e.g. the tail of a message that contained NUL). Resynchronise.
      this.skippedRecords++;
      this.header = [];
      this.state = 'seek';
      return;
    }
    const added = countOf(text.slice(0, firstTab));
    const deleted = countOf(text.slice(firstTab + 1, secondTab));
    const path = text.slice(secondTab + 1);
    if (path === '') {
      // Rename form under -z: "a\td\t\0old\0new\0" (only if renames were turned on).
      this.renameCounts = { added, deleted };
      this.state = 'renameOld';
      return;
    }
    this.files[this.fileCount++] = this.intern.change(this.intern.string(path), added, deleted);
  }

  private flushCommit(): void {
    if (this.header.length !== HEADER_FIELDS || !SHA.test(this.header[0])) {
      this.header = [];
      return;
    }
    const [hash, parents, mark, an, ae, ad, cn, ce, cd, subject] = this.header;
    this.header = [];
    const author = parseRawDate(ad);
    const committer = cd === ad ? author : parseRawDate(cd);
    const commit = makeCommit({
      hash: this.hashes.own(hash),
      parents: parents === '' ? [] : parents.split(' ').map((p) => this.hashes.parent(p)),
      author: this.identity(an, ae, author.tz),
      authorTime: author.time,
      committer: this.identity(cn, ce, committer.tz),
      committerTime: committer.time,
      subject,
      files: this.intern.files(this.files, this.fileCount),
      prTitle: this.prTitle,
      revertOf: this.revertOf,
    });
    this.prTitle = this.revertOf = undefined;
    this.fileCount = 0;
    this.onCommit(commit, mark === '<' ? 'left' : 'right');
  }

  private identity(name: string, email: string, tz: string): Identity {
    return this.identities.get(this.intern.string(name), this.intern.string(email), this.intern.string(tz));
  }
}

/** The id after the first "This reverts commit " followed by one (7 to 64 hex digits), in a subject. */
export function revertId(text: string): string | undefined {
  for (let at = text.indexOf(REVERT_LINE); at >= 0; at = text.indexOf(REVERT_LINE, at + 1)) {
    const id = REVERT_ID.exec(text.slice(at + REVERT_LINE.length, at + REVERT_LINE.length + 65));
    if (id) return id[0];
  }
  return undefined;
}

/** The same, in a body's raw bytes, without decoding the body. */
function revertIdIn(bytes: Buffer): string | undefined {
  for (let at = bytes.indexOf(REVERT_BYTES); at >= 0; at = bytes.indexOf(REVERT_BYTES, at + 1)) {
    const start = at + REVERT_BYTES.length;
    let end = start;
    while (end < bytes.length && end - start < 64 && isLowerHex(bytes[end])) end++;
    if (end - start >= 7) return bytes.toString('latin1', start, end);
  }
  return undefined;
}

function isLowerHex(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66);
}

function countOf(text: string): number | null {
  if (text === '-') return null; // binary file
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Parses a whole buffer at once; convenient for tests and small reads. */
export function parseLog(sentinel: string, output: Uint8Array | readonly Uint8Array[]): Commit[] {
  const commits: Commit[] = [];
  const parser = new LogStreamParser(sentinel, (c) => commits.push(c));
  for (const chunk of Array.isArray(output) ? output : [output as Uint8Array]) parser.push(chunk);
  parser.end();
  return commits;
}
