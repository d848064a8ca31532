/**
 * Reads a repository's HEAD history through git, fully or incrementally from a cached tip.
 *
 * Incremental rule, by set algebra on commits reachable from HEAD, with one git process:
 *   `git log --left-right <old tip>...HEAD` lists
 *     left  (<): reachable from the old tip, not from HEAD: commits that left the history;
 *     right (>): reachable from HEAD, not from the old tip: the new commits.
 *   new history = cached − left + right.
 * No output at all means HEAD is still the old tip. An empty left side is a fast-forward. HEAD is
 * the one right-side commit that is no other right-side commit's parent. Only when HEAD moved back
 * to an ancestor of the old tip (right side empty, left side not) does a second process ask git
 * for HEAD. If the old tip no longer exists (gc after a force push) or the shallow boundary moved,
 * we rescan fully.
 *
 * Git is not asked about the shallow boundary or the tags on each refresh: the `shallow` file is
 * read directly, and tags are read again only when the files that hold refs/tags changed (see
 * tagsFingerprint). The paths come from one `git rev-parse` on the session's first read.
 * No `vscode` import.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Commit } from '../api';
import { PEEL_FORMAT, TAG_FORMAT, parseTags, peelInput, resolveNested, type TagList } from '../model/derive/releases';
import type { CachedHistory } from './historyStore';
import { LogStreamParser, logArgs, newSentinel, type LogSide } from '../model/logParser';
import { assertSha, type GitRunner } from './runGit';

export interface ReadContext {
  git: GitRunner;
  repoRoot: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Upper bound on commits kept, newest first; protects memory on giant repositories. */
  maxCommits?: number;
}

/** Where git keeps what a refresh checks without starting git; asked once per repository and session. */
export interface RepoLayout {
  /** Absolute path of the `shallow` file (it may not exist). */
  shallowFile: string;
  /** Absolute path of the common git directory (refs/tags, packed-refs, reftable live there). */
  commonDir: string;
}

export interface HeadInfo {
  tip?: string;
  shallow: boolean;
  shallowKey: string;
  layout: RepoLayout;
}

/** What a reader keeps between refreshes of one repository, in memory only. */
export interface ReaderState {
  layout?: RepoLayout;
  tags?: TagList & { fingerprint: string };
}

export type RefreshMode = 'unchanged' | 'incremental' | 'rewritten' | 'full';

export interface RefreshResult extends TagList {
  history: CachedHistory;
  mode: RefreshMode;
  shallow: boolean;
  /** Commits read from git in this refresh. */
  read: number;
  /** Pass to the next refresh of the same repository. */
  state: ReaderState;
}

export async function readHead(ctx: ReadContext): Promise<HeadInfo> {
  const result = await ctx.git(
    // Paths print relative to the working directory (or absolute); resolved against it below.
    ['rev-parse', '--git-common-dir', '--git-path', 'shallow', '--verify', '--quiet', 'HEAD^{commit}'],
    {
      cwd: ctx.repoRoot,
      signal: ctx.signal,
      timeoutMs: ctx.timeoutMs,
      okExitCodes: [1], // unborn branch: HEAD does not resolve yet
    },
  );
  const [commonDir = '', shallowFile = '', tipLine = ''] = result.stdout.split('\n');
  const layout: RepoLayout = {
    commonDir: path.resolve(ctx.repoRoot, commonDir.trim()),
    shallowFile: path.resolve(ctx.repoRoot, shallowFile.trim()),
  };
  const tip = /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(tipLine.trim()) ? tipLine.trim() : undefined;
  return { tip, layout, ...(await readShallow(layout)) };
}

/** A repository is shallow when its `shallow` file lists commits; the key changes when it changes. */
export async function readShallow(layout: RepoLayout): Promise<{ shallow: boolean; shallowKey: string }> {
  const content = await fs.readFile(layout.shallowFile, 'utf8').catch(() => '');
  if (content.trim() === '') return { shallow: false, shallowKey: '' };
  return { shallow: true, shallowKey: createHash('sha256').update(content).digest('hex').slice(0, 16) };
}

/**
 * Changes whenever a tag may have changed: packed-refs, every directory and loose ref under
 * refs/tags (an update renames a lock file into place, which changes the file and its folder),
 * and reftable's table list. Stat calls only, no git process.
 */
export async function tagsFingerprint(layout: RepoLayout): Promise<string> {
  const parts: string[] = [];
  const stamp = async (file: string) => {
    const s = await fs.stat(file).catch(() => undefined);
    parts.push(s ? `${file}:${s.ino}:${s.size}:${s.mtimeMs}` : `${file}:-`);
    return s;
  };
  await stamp(path.join(layout.commonDir, 'packed-refs'));
  await stamp(path.join(layout.commonDir, 'reftable', 'tables.list'));
  const walk = async (dir: string): Promise<void> => {
    if (!(await stamp(dir))?.isDirectory()) return;
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else await stamp(full);
    }
  };
  await walk(path.join(layout.commonDir, 'refs', 'tags'));
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 24);
}

/** Streams `git log` for `range` (revisions after --end-of-options) through the parser. */
export async function readCommits(ctx: ReadContext, range: readonly string[], maxCount?: number): Promise<Commit[]> {
  return (await readSides(ctx, range, maxCount)).right;
}

async function readSides(
  ctx: ReadContext,
  range: readonly string[],
  maxCount?: number,
  extra: readonly string[] = [],
): Promise<{ left: Commit[]; right: Commit[] }> {
  const sentinel = newSentinel();
  const left: Commit[] = [];
  const right: Commit[] = [];
  const parser = new LogStreamParser(sentinel, (c, side: LogSide) => (side === 'left' ? left : right).push(c));
  const limit = maxCount && maxCount > 0 ? [`--max-count=${Math.floor(maxCount)}`] : [];
  await ctx.git(
    [...logArgs(sentinel), '--no-textconv', '--no-ext-diff', '--no-color', ...extra, ...limit, '--end-of-options', ...range, '--'],
    {
      cwd: ctx.repoRoot,
      signal: ctx.signal,
      timeoutMs: ctx.timeoutMs,
      onStdout: (chunk) => parser.push(chunk),
    },
  );
  parser.end();
  return { left, right };
}

/** Tags as releases: one `for-each-ref`, and one `cat-file` more only when some tag points at a tag. */
export async function readTags(ctx: ReadContext): Promise<TagList> {
  const options = { cwd: ctx.repoRoot, signal: ctx.signal, timeoutMs: ctx.timeoutMs };
  const result = await ctx.git(['for-each-ref', `--format=${TAG_FORMAT}`, 'refs/tags'], options);
  const parsed = parseTags(result.stdout);
  if (parsed.nested.length === 0) return { releases: parsed.releases, skipped: parsed.skipped };
  const peeled = await ctx.git(['cat-file', `--batch-check=${PEEL_FORMAT}`], { ...options, input: peelInput(parsed) });
  return resolveNested(parsed, peeled.stdout);
}

/** Tags from the state when their files did not change, else read again (started at once, not awaited). */
function tagsFor(ctx: ReadContext, layout: RepoLayout, state: ReaderState): Promise<TagList & { fingerprint: string }> {
  return tagsFingerprint(layout).then(async (fingerprint) => {
    if (state.tags && state.tags.fingerprint === fingerprint) return state.tags;
    return { ...(await readTags(ctx)), fingerprint };
  });
}

export async function refreshHistory(
  ctx: ReadContext,
  previous: CachedHistory | undefined,
  state: ReaderState = {},
): Promise<RefreshResult> {
  if (state.layout && previous?.tip) {
    const layout = state.layout;
    // The log starts at once; the shallow file and the tags' files are checked while it runs.
    const tags = tagsFor(ctx, layout, state);
    tags.catch(() => undefined); // awaited (and its error surfaced) below
    const result = await incremental(ctx, previous, layout, readShallow(layout), tags);
    if (result) return result;
    // The old tip is gone, too much changed, or the shallow boundary moved: read it all again.
    return fullRead(ctx, undefined, state);
  }
  return fullRead(ctx, previous, state);
}

/** The one-process refresh; undefined when only a full read can tell (old tip gone, too much changed). */
async function incremental(
  ctx: ReadContext,
  previous: CachedHistory,
  layout: RepoLayout,
  shallowPromise: Promise<{ shallow: boolean; shallowKey: string }>,
  tagsPromise: Promise<TagList & { fingerprint: string }>,
): Promise<RefreshResult | undefined> {
  const oldTip = assertSha(previous.tip!);
  // Twice the cap: enough for any real rewrite of a capped history; hitting it means rescan.
  const cap = ctx.maxCommits && ctx.maxCommits > 0 ? 2 * ctx.maxCommits : undefined;
  const sides = await readSides(ctx, [`${oldTip}...HEAD`], cap, ['--left-right']).catch(() => undefined);
  const shallow = await shallowPromise;
  if (shallow.shallowKey !== previous.shallowKey) return undefined;
  if (!sides || (cap && sides.left.length + sides.right.length >= cap)) return undefined;
  const { left, right } = sides;
  let tip: string | undefined;
  if (right.length > 0) tip = headOf(right);
  else if (left.length === 0) tip = oldTip;
  else tip = (await readHead(ctx)).tip; // HEAD moved back to an ancestor of the old tip
  if (!tip) return undefined;
  const tags = await tagsPromise;
  const state: ReaderState = { layout, tags };
  const base = { releases: tags.releases, skipped: tags.skipped, shallow: shallow.shallow, state };
  if (tip === oldTip) return { ...base, history: previous, mode: 'unchanged', read: 0 };
  const dropped = new Set(left.map((c) => c.hash));
  const kept = dropped.size > 0 ? previous.commits.filter((c) => !dropped.has(c.hash)) : previous.commits;
  return {
    ...base,
    history: { repoRoot: ctx.repoRoot, tip, shallowKey: shallow.shallowKey, commits: mergeNewestFirst(right, kept, ctx.maxCommits) },
    mode: dropped.size > 0 ? 'rewritten' : 'incremental',
    read: right.length,
  };
}

/** The right-side commit that is no right-side commit's parent: HEAD. Undefined if not exactly one. */
function headOf(right: readonly Commit[]): string | undefined {
  const parents = new Set<string>();
  for (const c of right) for (const p of c.parents) parents.add(p);
  const heads = right.filter((c) => !parents.has(c.hash));
  return heads.length === 1 ? heads[0].hash : undefined;
}

async function fullRead(ctx: ReadContext, previous: CachedHistory | undefined, state: ReaderState): Promise<RefreshResult> {
  const head = await readHead(ctx);
  const tags = tagsFor(ctx, head.layout, state);
  tags.catch(() => undefined);
  const finish = async (history: CachedHistory, mode: RefreshMode, read: number): Promise<RefreshResult> => {
    const t = await tags;
    return {
      history,
      releases: t.releases,
      skipped: t.skipped,
      mode,
      read,
      shallow: head.shallow,
      state: { layout: head.layout, tags: t },
    };
  };
  if (!head.tip) {
    const empty: CachedHistory = { repoRoot: ctx.repoRoot, tip: undefined, shallowKey: head.shallowKey, commits: [] };
    return finish(empty, previous?.tip ? 'rewritten' : 'unchanged', 0);
  }
  const tip = assertSha(head.tip);
  const usable = previous && previous.tip && previous.shallowKey === head.shallowKey ? previous : undefined;
  if (usable && usable.tip === tip) return finish(usable, 'unchanged', 0);
  if (usable) {
    // A cache from disk: the first refresh of a session knew no layout yet. Now it does.
    const result = await incremental(ctx, usable, head.layout, Promise.resolve(head), tags);
    if (result) return result;
  }
  const commits = await readCommits(ctx, [tip], ctx.maxCommits);
  return finish({ repoRoot: ctx.repoRoot, tip, shallowKey: head.shallowKey, commits }, 'full', commits.length);
}

/** Both lists newest first; the common case (new commits all newer) is a plain concat, no sort. */
export function mergeNewestFirst(added: readonly Commit[], kept: readonly Commit[], max?: number): Commit[] {
  let merged: Commit[];
  if (added.length === 0) merged = kept.slice();
  // concat allocates the result once at its final size; a spread grows it step by step (100k commits).
  else if (kept.length === 0 || added[added.length - 1].committer.time >= kept[0].committer.time) merged = added.concat(kept);
  else merged = added.concat(kept).sort((a, b) => b.committer.time - a.committer.time);
  return max && max > 0 && merged.length > max ? merged.slice(0, max) : merged;
}
