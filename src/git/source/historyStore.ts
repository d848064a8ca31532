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
import { Interner } from '../model/intern';

export const CACHE_FORMAT = 'multiplier-git-history';
export const CACHE_VERSION = 1;

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

type Row = [
  string,
  string,
  string,
  string,
  number,
  string,
  string,
  string,
  number,
  string,
  string,
  string,
  [string, number | null, number | null][],
];

export function cacheFileFor(storageDir: string, repoRoot: string): string {
  const key = createHash('sha256').update(repoRoot).digest('hex').slice(0, 24);
  return path.join(storageDir, 'git-history', `${key}.ndjson`);
}

export function encodeCommit(c: Commit): string {
  const row: Row = [
    c.hash,
    c.parents.join(' '),
    c.author.name,
    c.author.email,
    c.author.time,
    c.author.tz,
    c.committer.name,
    c.committer.email,
    c.committer.time,
    c.committer.tz,
    c.subject,
    c.body,
    c.files.map((f) => [f.path, f.added, f.deleted]),
  ];
  return JSON.stringify(row);
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number | null => v === null || isNum(v);

/** Strict: returns undefined unless the row has exactly the expected shape. */
export function decodeCommit(line: string, shared: Interner = new Interner()): Commit | undefined {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!Array.isArray(row) || row.length !== 13) return undefined;
  const [hash, parents, an, ae, at, atz, cn, ce, ct, ctz, subject, body, files] = row as unknown[];
  if (!isStr(hash) || !SHA.test(hash) || !isStr(parents) || !isStr(an) || !isStr(ae) || !isNum(at) || !isStr(atz)) return undefined;
  if (!isStr(cn) || !isStr(ce) || !isNum(ct) || !isStr(ctz) || !isStr(subject) || !isStr(body) || !Array.isArray(files)) return undefined;
  const intern = (value: string) => shared.string(value);
  const changes: FileChange[] = [];
  for (const f of files as unknown[]) {
    if (!Array.isArray(f) || f.length !== 3 || !isStr(f[0]) || !isCount(f[1]) || !isCount(f[2])) return undefined;
    changes.push(shared.change(intern(f[0]), f[1], f[2]));
  }
  const parentList = parents === '' ? [] : parents.split(' ');
  if (!parentList.every((p) => SHA.test(p))) return undefined;
  return {
    hash,
    parents: parentList,
    author: { name: intern(an), email: intern(ae), time: at, tz: intern(atz) },
    committer: { name: intern(cn), email: intern(ce), time: ct, tz: intern(ctz) },
    subject,
    body,
    files: shared.files(changes),
  };
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
      const commit = decodeCommit(line, intern);
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
