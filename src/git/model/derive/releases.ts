/**
 * Releases from tags, read with `git for-each-ref` in a NUL-separated format. Pure.
 *
 * A release is a tag that points at a commit, directly (lightweight), through an annotated tag, or
 * through a chain of annotated tags (git/git's v1.0rc1–rc6 are tags of tags). `%(*objectname)`
 * peels one level only, so a tag whose first peel is another tag is resolved by the reader with
 * `git cat-file --batch-check` on `<tag>^{}` (see historyReader.readTags). Tags that end at a tree
 * or a blob are not releases; they are listed in `skipped`.
 */
import type { Release, SkippedTag } from '../../api';

export const TAG_FORMAT = '%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)%00%(creatordate:unix)';
/** `git cat-file --batch-check` format for the second step: the fully peeled object and its type. */
export const PEEL_FORMAT = '%(objectname) %(objecttype)';

export interface TagList {
  releases: Release[];
  skipped: SkippedTag[];
}

export interface ParsedTags extends TagList {
  /** Annotated tags whose target is itself a tag: the caller peels `object^{}` and calls resolveNested. */
  nested: { tag: string; object: string; date: number }[];
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** One tag per line (ref names cannot contain newlines or NUL). */
export function parseTags(output: string): ParsedTags {
  const releases: Release[] = [];
  const skipped: SkippedTag[] = [];
  const nested: ParsedTags['nested'] = [];
  for (const line of output.split('\n')) {
    if (line === '') continue;
    const [tag, type, object, peeledType, peeled, rawDate] = line.split('\0');
    if (tag === undefined || rawDate === undefined) continue;
    const date = Number(rawDate) * 1000 || 0;
    const annotated = type === 'tag';
    const targetType = annotated ? peeledType : type;
    const target = annotated ? peeled : object;
    if (targetType === 'commit' && SHA.test(target)) releases.push({ tag, commit: target, date, annotated });
    else if (annotated && targetType === 'tag' && SHA.test(object)) nested.push({ tag, object, date });
    else skipped.push({ tag, type: targetType || 'unknown' });
  }
  return { releases: sortReleases(releases), skipped, nested };
}

/** Completes `parsed` with the `PEEL_FORMAT` lines answering `<nested[i].object>^{}`, in order. */
export function resolveNested(parsed: ParsedTags, peeledOutput: string): TagList {
  const lines = peeledOutput.split('\n');
  const releases = parsed.releases.slice();
  const skipped = parsed.skipped.slice();
  parsed.nested.forEach((n, i) => {
    const [object, type] = (lines[i] ?? '').split(' ');
    if (type === 'commit' && SHA.test(object)) releases.push({ tag: n.tag, commit: object, date: n.date, annotated: true });
    else skipped.push({ tag: n.tag, type: type && SHA.test(object) ? type : 'missing' });
  });
  return { releases: sortReleases(releases), skipped };
}

/** The `cat-file --batch-check` input for the nested tags of `parsed`. */
export function peelInput(parsed: ParsedTags): string {
  return parsed.nested.map((n) => `${n.object}^{}\n`).join('');
}

function sortReleases(releases: Release[]): Release[] {
  return releases.sort((a, b) => b.date - a.date || a.tag.localeCompare(b.tag));
}
