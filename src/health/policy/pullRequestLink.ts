/**
 * Where a pull request of the report opens. In the PR overview when its repository is on the
 * configured GitHub (the overview asks that GitHub, with that credential, and nothing else);
 * otherwise, or when the overview cannot show it, in the browser at its web page; and with no web
 * page at all (no GitHub remote), at the commit that merged it. Pure.
 */

export interface PullRequestLink {
  /** `owner/repo` on the configured GitHub: the overview may try it. */
  repo?: string;
  /** Its web page, when the browser may open it. */
  browserUrl?: string;
}

/**
 * A web page the browser may open: https, or plain http only on the configured GitHub's own web
 * host (which the API URL check allows for this computer alone).
 */
export function browserUrlOf(url: string | undefined, webBase: string): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:') return parsed.toString();
    return parsed.protocol === 'http:' && parsed.origin === new URL(webBase).origin ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `repo` is the `owner/repo` a remote of the repository names on the configured GitHub (undefined
 * when none does); `url` the page GitHub gave for the pull request, if it was read from GitHub.
 */
export function pullRequestLink(pr: { number: number; url?: string }, repo: string | undefined, webBase: string): PullRequestLink {
  const page = pr.url ?? (repo ? `${webBase}/${repo}/pull/${pr.number}` : undefined);
  const browserUrl = browserUrlOf(page, webBase);
  return { ...(repo ? { repo } : {}), ...(browserUrl ? { browserUrl } : {}) };
}
