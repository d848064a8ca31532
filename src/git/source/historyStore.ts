/**
 * The on-disk history cache: one NDJSON file per repository under a storage folder we are given.
 * Line 1 is a header (format, version, repo, tip); each further line is one commit as a compact
 * array. A cache is disposable: anything unexpected (other version, wrong repo, a bad line, a short
 * file) discards it and the caller rescans. Written to a temp file, then renamed, so a crash mid-write
 * leaves the previous cache or none, never half of one. Node built-ins only, no `vscode`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import type { Commit, FileChange } from '../api';
import { IdentityTable, makeCommit } from '../model/commit';
import { HashSharer, Interner } from '../model/intern';

export const CACHE_FORMAT = 'multiplier-git-history';
/**
 * 2: no message bodies (only a merged PR's title and a revert's quoted id), a committer who is the
 * author at the same instant stored as 0, file changes as one flat array. A version-1 file is
 * discarded (deleted) on load and the history rescanned once.
 */
export const CACHE_VERSION = 2;

export interface CachedHistory {
  repoRoot: string;
  tip?: string;
  /** Identifies the shallow boundary; a deepened clone must be rescanned. '' when not shallow. */
  shallowKey: string;
  /** Newest first. */
  commits: Commit[];
}

interface Header {
  format: string;
  version: number;
  repoRoot: string;
  tip: string | null;
  shallowKey: string;
  count: number;
}

/**
 * One commit: [hash, parents, author name, author e-mail, author ms, author zone,
 *   committer (0 = the author's signature) or [name, e-mail, ms, zone], subject,
 *   [path, added, deleted, path, added, deleted, …], PR title or null?, reverted id?]
 * The last two are present only when the commit has them.
 */
type SignatureRow = [string, string, number, string];
type Row = [
  string,
  string,
  string,
  string,
  number,
  string,
  0 | SignatureRow,
  string,
  (string | number | null)[],
  (string | null)?,
  string?,
];

export function cacheFileFor(storageDir: string, repoRoot: string): string {
  const key = createHash('sha256').update(repoRoot).digest('hex').slice(0, 24);
  return path.join(storageDir, 'git-history', `${key}.ndjson`);
}

export function encodeCommit(c: Commit): string {
  const files: (string | number | null)[] = [];
  for (const f of c.files) files.push(f.path, f.added, f.deleted);
  const { author, committer } = c;
  const sameSigner =
    committer.name === author.name && committer.email === author.email && committer.time === author.time && committer.tz === author.tz;
  const row: Row = [
    c.hash,
    c.parents.join(' '),
    author.name,
    author.email,
    author.time,
    author.tz,
    sameSigner ? 0 : [committer.name, committer.email, committer.time, committer.tz],
    c.subject,
    files,
  ];
  if (c.prTitle !== undefined || c.revertOf !== undefined) row.push(c.prTitle ?? null);
  if (c.revertOf !== undefined) row.push(c.revertOf);
  return JSON.stringify(row);
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const REVERTED = /^[0-9a-f]{7,64}$/;
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number | null => v === null || isNum(v);

/**
 * Strict: returns undefined unless the row has exactly the expected shape. `shared` and `hashes`
 * let one cache's commits share names, paths, small changes and parent ids, as the parser does.
 */
export function decodeCommit(
  line: string,
  shared: Interner = new Interner(),
  hashes: HashSharer = new HashSharer(),
  identities: IdentityTable = new IdentityTable(),
): Commit | undefined {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!Array.isArray(row) || row.length < 9 || row.length > 11) return undefined;
  const [hash, parents, an, ae, at, atz, signer, subject, files, prTitle, revertOf] = row as unknown[];
  if (!isStr(hash) || !SHA.test(hash) || !isStr(parents) || !isStr(an) || !isStr(ae) || !isNum(at) || !isStr(atz)) return undefined;
  if (!isStr(subject) || !Array.isArray(files) || files.length % 3 !== 0) return undefined;
  if (row.length >= 10 && !(prTitle === null || isStr(prTitle))) return undefined;
  if (row.length === 11 && !(isStr(revertOf) && REVERTED.test(revertOf))) return undefined;
  const intern = (value: string) => shared.string(value);
  const author = identities.get(intern(an), intern(ae), intern(atz));
  let committer = author;
  let ct = at;
  if (signer !== 0) {
    if (!Array.isArray(signer) || signer.length !== 4) return undefined;
    const [cn, ce, time, ctz] = signer as unknown[];
    if (!isStr(cn) || !isStr(ce) || !isNum(time) || !isStr(ctz)) return undefined;
    committer = identities.get(intern(cn), intern(ce), intern(ctz));
    ct = time;
  }
  const changes: FileChange[] = [];
  for (let i = 0; i < files.length; i += 3) {
    const [p, added, deleted] = [files[i], files[i + 1], files[i + 2]];
    if (!isStr(p) || !isCount(added) || !isCount(deleted)) return undefined;
    changes.push(shared.change(intern(p), added, deleted));
  }
  const parentList = parents === '' ? [] : parents.split(' ');
  if (!parentList.every((p) => SHA.test(p))) return undefined;
  return makeCommit({
    hash: hashes.own(hash),
    parents: parentList.map((p) => hashes.parent(p)),
    author,
    authorTime: at,
    committer,
    committerTime: ct,
    subject,
    files: shared.files(changes),
    prTitle: isStr(prTitle) ? prTitle : undefined,
    revertOf: isStr(revertOf) ? revertOf : undefined,
  });
}

/** Loads a cache, or undefined when there is none or it cannot be trusted (then it is deleted). */
export async function loadHistoryCache(storageDir: string, repoRoot: string): Promise<CachedHistory | undefined> {
  const file = cacheFileFor(storageDir, repoRoot);
  try {
    await fs.access(file);
  } catch {
    return undefined;
  }
  const result = await readCache(file, repoRoot).catch(() => undefined);
  if (!result) await fs.rm(file, { force: true }).catch(() => undefined);
  return result;
}

async function readCache(file: string, repoRoot: string): Promise<CachedHistory | undefined> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const intern = new Interner();
  const hashes = new HashSharer();
  const identities = new IdentityTable();
  let header: Header | undefined;
  const commits: Commit[] = [];
  try {
    for await (const line of lines) {
      if (!header) {
        header = parseHeader(line, repoRoot);
        if (!header) return undefined;
        continue;
      }
      if (line === '') continue;
      const commit = decodeCommit(line, intern, hashes, identities);
      if (!commit) return undefined;
      commits.push(commit);
    }
  } finally {
    lines.close();
  }
  if (!header || commits.length !== header.count) return undefined;
  if (header.tip !== null && commits.length === 0) return undefined;
  return { repoRoot, tip: header.tip ?? undefined, shallowKey: header.shallowKey, commits };
}

function parseHeader(line: string, repoRoot: string): Header | undefined {
  try {
    const h = JSON.parse(line) as Partial<Header>;
    if (h.format !== CACHE_FORMAT || h.version !== CACHE_VERSION || h.repoRoot !== repoRoot) return undefined;
    if (!(h.tip === null || (isStr(h.tip) && SHA.test(h.tip))) || !isStr(h.shallowKey) || !isNum(h.count)) return undefined;
    return h as Header;
  } catch {
    return undefined;
  }
}

/** Streams the cache out in batches (no 40 MB string in memory), then renames it into place. */
export async function saveHistoryCache(storageDir: string, history: CachedHistory): Promise<void> {
  const file = cacheFileFor(storageDir, history.repoRoot);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const header: Header = {
    format: CACHE_FORMAT,
    version: CACHE_VERSION,
    repoRoot: history.repoRoot,
    tip: history.tip ?? null,
    shallowKey: history.shallowKey,
    count: history.commits.length,
  };
  const out = createWriteStream(temp, { encoding: 'utf8' });
  let streamError: Error | undefined;
  // Errors also arrive through the write callbacks; this listener only keeps them from being uncaught.
  out.on('error', (error) => (streamError ??= error));
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => {
      out.write(text, (error) => (error ? reject(error) : resolve()));
    });
  try {
    await write(JSON.stringify(header) + '\n');
    const batch: string[] = [];
    for (const commit of history.commits) {
      batch.push(encodeCommit(commit));
      if (batch.length === 2000) await write(batch.splice(0).join('\n') + '\n');
    }
    if (batch.length > 0) await write(batch.join('\n') + '\n');
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => ((error ?? streamError) ? reject(error ?? streamError) : resolve())),
    );
    await fs.rename(temp, file);
  } catch (error) {
    out.destroy();
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
