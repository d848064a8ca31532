/**
 * Reads a repository's HEAD history through git, fully or incrementally from a cached tip.
 *
 * Incremental rule, by set algebra on commits reachable from HEAD:
 *   new history = cached − (reachable from old tip, not from new tip)  [`rev-list new..old`, cheap]
 *               + (reachable from new tip, not from old tip)           [`log old..new`, with numstat]
 * After a fast-forward the first set is empty; after a rebase or force push it holds the dropped
 * commits. If the old tip no longer exists, or the shallow boundary moved, we rescan fully.
 * No `vscode` import.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Commit, Release } from '../api';
import { TAG_FORMAT, parseTags } from '../model/derive/releases';
import type { CachedHistory } from './historyStore';
import { LogStreamParser, logArgs, newSentinel } from '../model/logParser';
import { assertSha, type GitRunner } from './runGit';

export interface ReadContext {
  git: GitRunner;
  repoRoot: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Upper bound on commits kept, newest first; protects memory on giant repositories. */
  maxCommits?: number;
}

export interface HeadInfo {
  tip?: string;
  shallow: boolean;
  shallowKey: string;
}

export type RefreshMode = 'unchanged' | 'incremental' | 'rewritten' | 'full';

export interface RefreshResult {
  history: CachedHistory;
  releases: Release[];
  mode: RefreshMode;
  shallow: boolean;
  /** Commits read from git in this refresh. */
  read: number;
}

export async function readHead(ctx: ReadContext): Promise<HeadInfo> {
  const result = await ctx.git(['rev-parse', '--is-shallow-repository', '--git-path', 'shallow', '--verify', '--quiet', 'HEAD^{commit}'], {
    cwd: ctx.repoRoot,
    signal: ctx.signal,
    timeoutMs: ctx.timeoutMs,
    okExitCodes: [1], // unborn branch: HEAD does not resolve yet
  });
  const [shallowLine = 'false', shallowPath = '', tipLine = ''] = result.stdout.split('\n');
  const shallow = shallowLine.trim() === 'true';
  const tip = /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(tipLine.trim()) ? tipLine.trim() : undefined;
  let shallowKey = '';
  if (shallow && shallowPath) {
    const content = await fs.readFile(path.resolve(ctx.repoRoot, shallowPath.trim()), 'utf8').catch(() => '');
    shallowKey = createHash('sha256').update(content).digest('hex').slice(0, 16);
  }
  return { tip, shallow, shallowKey };
}

/** Streams `git log` for `range` (revisions after --end-of-options) through the parser. */
export async function readCommits(ctx: ReadContext, range: readonly string[], maxCount?: number): Promise<Commit[]> {
  const sentinel = newSentinel();
  const commits: Commit[] = [];
  const parser = new LogStreamParser(sentinel, (c) => commits.push(c));
  const limit = maxCount && maxCount > 0 ? [`--max-count=${Math.floor(maxCount)}`] : [];
  await ctx.git([...logArgs(sentinel), '--no-textconv', '--no-ext-diff', '--no-color', ...limit, '--end-of-options', ...range, '--'], {
    cwd: ctx.repoRoot,
    signal: ctx.signal,
    timeoutMs: ctx.timeoutMs,
    onStdout: (chunk) => parser.push(chunk),
  });
  parser.end();
  return commits;
}

/** Hashes reachable from `include` but not from `exclude`; cheap (no diffs). */
export async function revList(ctx: ReadContext, include: string, exclude: string): Promise<string[]> {
  const result = await ctx.git(['rev-list', '--end-of-options', `${assertSha(exclude)}..${assertSha(include)}`, '--'], {
    cwd: ctx.repoRoot,
    signal: ctx.signal,
    timeoutMs: ctx.timeoutMs,
  });
  return result.stdout.split('\n').filter((line) => line !== '');
}

export async function readTags(ctx: ReadContext): Promise<Release[]> {
  const result = await ctx.git(['for-each-ref', `--format=${TAG_FORMAT}`, 'refs/tags'], {
    cwd: ctx.repoRoot,
    signal: ctx.signal,
    timeoutMs: ctx.timeoutMs,
  });
  return parseTags(result.stdout);
}

export async function refreshHistory(ctx: ReadContext, previous: CachedHistory | undefined): Promise<RefreshResult> {
  // Tags are read alongside the second round of commands, not the first: one round trip fewer.
  let tags: Promise<Release[]> | undefined;
  const tagsLater = () => (tags ??= readTags(ctx));
  const head = await readHead(ctx);
  const empty: CachedHistory = { repoRoot: ctx.repoRoot, tip: undefined, shallowKey: head.shallowKey, commits: [] };
  if (!head.tip)
    return { history: empty, releases: await tagsLater(), shallow: head.shallow, mode: previous?.tip ? 'rewritten' : 'unchanged', read: 0 };

  const tip = assertSha(head.tip);
  const usable = previous && previous.tip && previous.shallowKey === head.shallowKey ? previous : undefined;
  if (usable && usable.tip === tip)
    return { history: usable, releases: await tagsLater(), shallow: head.shallow, mode: 'unchanged', read: 0 };

  if (usable?.tip) {
    const oldTip = assertSha(usable.tip);
    void tagsLater().catch(() => undefined); // started now; awaited (and its error surfaced) below
    const incremental = await Promise.all([revList(ctx, oldTip, tip), readCommits(ctx, [`${oldTip}..${tip}`], ctx.maxCommits)]).catch(
      () => undefined, // old tip gone (gc after a force push) or unreadable: rescan below
    );
    if (incremental) {
      const [dropped, added] = incremental;
      const releases = await tagsLater();
      const droppedSet = new Set(dropped);
      const kept = droppedSet.size > 0 ? usable.commits.filter((c) => !droppedSet.has(c.hash)) : usable.commits;
      const commits = mergeNewestFirst(added, kept, ctx.maxCommits);
      return {
        history: { repoRoot: ctx.repoRoot, tip, shallowKey: head.shallowKey, commits },
        releases,
        shallow: head.shallow,
        mode: droppedSet.size > 0 ? 'rewritten' : 'incremental',
        read: added.length,
      };
    }
  }
  const [commits, releases] = await Promise.all([readCommits(ctx, [tip], ctx.maxCommits), tagsLater()]);
  return {
    history: { repoRoot: ctx.repoRoot, tip, shallowKey: head.shallowKey, commits },
    releases,
    shallow: head.shallow,
    mode: 'full',
    read: commits.length,
  };
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
