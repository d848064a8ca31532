/**
 * Addresses of a pull request's file contents in the read-only `multiplier-pr:` file system:
 * `/<owner>/<repo>/<path>?ref=<commit>`. The commit is in the query so both sides of a modified
 * file have the same path (the diff editor would call them a rename otherwise). The path is what
 * the diff editor shows, so a path with characters displayText would change (bidi controls,
 * invisible or control characters) is shown cleaned and carried exactly in the query (`p=`). Pure.
 */
import { displayText } from '../../core/text';
import { safeRepoPath } from './pullDetails';

export const PR_CONTENT_SCHEME = 'multiplier-pr';

export interface ContentRef {
  /** `owner/repo`. */
  repo: string;
  /** Full commit id. */
  sha: string;
  /** Repository-relative path at that commit. */
  path: string;
  /** The other side of an added or removed file: an empty document. */
  empty?: boolean;
}

const SHA = /^[0-9a-f]{40}$/;
const NAME = /^[A-Za-z0-9_.-]+$/;

export function contentUriParts(ref: ContentRef): { path: string; query: string } | undefined {
  const [owner, name, ...rest] = ref.repo.split('/');
  if (!owner || !name || rest.length > 0 || !NAME.test(owner) || !NAME.test(name) || !SHA.test(ref.sha) || !safeRepoPath(ref.path))
    return undefined;
  const shown = displayText(ref.path, { maxLength: 1000 });
  const exact = shown === ref.path;
  const query = [`ref=${ref.sha}`, exact ? '' : `p=${encodeURIComponent(ref.path)}`, ref.empty ? 'empty=1' : ''].filter(Boolean).join('&');
  return { path: `/${owner}/${name}/${exact ? ref.path : safeRepoPath(shown) ? shown : 'file'}`, query };
}

export function parseContentUri(path: string, query: string): ContentRef | undefined {
  const m = /^\/([^/]+)\/([^/]+)\/(.+)$/.exec(path);
  if (!m || !NAME.test(m[1]) || !NAME.test(m[2])) return undefined;
  const params = new URLSearchParams(query);
  const sha = params.get('ref') ?? '';
  const filePath = safeRepoPath(params.get('p') ?? m[3]);
  if (!filePath || !SHA.test(sha)) return undefined;
  return { repo: `${m[1]}/${m[2]}`, sha, path: filePath, ...(params.get('empty') === '1' ? { empty: true } : {}) };
}
