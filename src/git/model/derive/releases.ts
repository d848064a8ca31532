/** Releases from tags, read with `git for-each-ref` in a NUL-separated format. Pure. */
import type { Release } from '../../api';

export const TAG_FORMAT = '%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)%00%(creatordate:unix)';

/** One tag per line (ref names cannot contain newlines or NUL). Tags of trees or blobs are skipped. */
export function parseTags(output: string): Release[] {
  const releases: Release[] = [];
  for (const line of output.split('\n')) {
    if (line === '') continue;
    const [tag, type, object, peeledType, peeled, date] = line.split('\0');
    if (tag === undefined || date === undefined) continue;
    const annotated = type === 'tag';
    const commit = annotated ? peeled : object;
    if (!commit || (annotated ? peeledType !== 'commit' : type !== 'commit')) continue;
    releases.push({ tag, commit, date: Number(date) * 1000 || 0, annotated });
  }
  return releases.sort((a, b) => b.date - a.date || a.tag.localeCompare(b.tag));
}
