/**
 * What each suggested person did to the files a signal is about, counted exactly from the commits,
 * so "Who knows this code" can say what it counts: distinct commits, distinct files, lines. Pure.
 *
 * The rules match `git log --no-merges --author=<email> --numstat -- <paths>`:
 * - a commit counts once however many of the files it touches (five files are one commit);
 * - `files` is how many of the matched files the person changed;
 * - lines are added + deleted in those files (a binary file counts 0);
 * - merge commits show no diff and count nothing.
 */
import type { Commit, FileOwner } from '../../git/api';

/** An owner with exact figures for the queried paths; `files` is absent when not counted. */
export type CountedOwner = FileOwner & { files?: number };

/** Whether `path` is `prefix` itself or under it; '' (or '.') covers the whole repository. */
function covers(prefix: string, path: string): boolean {
  return prefix === '' || prefix === '.' || path === prefix || (path.startsWith(prefix) && path[prefix.length] === '/');
}

/**
 * The owners with `commits`, `files` and `linesChanged` recounted from `commits` for `paths`
 * (repo-relative, `/`-separated). Only the listed owners are counted, so the cost is one pass over
 * the commits however large the team.
 */
export function exactFigures(owners: readonly FileOwner[], commits: readonly Commit[], paths: readonly string[]): CountedOwner[] {
  const prefixes = paths.map((p) =>
    p
      .replace(/\\/g, '/')
      .replace(/^\.\/+/, '')
      .replace(/\/+$/, ''),
  );
  const tally = new Map<string, { commits: number; files: Set<string>; lines: number; last: number }>();
  for (const owner of owners) tally.set(owner.email.toLowerCase(), { commits: 0, files: new Set(), lines: 0, last: 0 });
  for (const commit of commits) {
    if (commit.parents.length > 1 || commit.files.length === 0) continue;
    const entry = tally.get(commit.author.email.toLowerCase());
    if (!entry) continue;
    let touched = false;
    for (const file of commit.files) {
      if (!prefixes.some((prefix) => covers(prefix, file.path))) continue;
      touched = true;
      entry.files.add(file.path);
      entry.lines += (file.added ?? 0) + (file.deleted ?? 0);
    }
    if (touched) {
      entry.commits++;
      entry.last = Math.max(entry.last, commit.author.time);
    }
  }
  return owners.map((owner) => {
    const entry = tally.get(owner.email.toLowerCase());
    if (!entry || entry.commits === 0) return { ...owner };
    return { ...owner, commits: entry.commits, files: entry.files.size, linesChanged: entry.lines, lastChangedAt: entry.last };
  });
}
