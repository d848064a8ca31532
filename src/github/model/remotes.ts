/**
 * Which GitHub repository a git remote points at, for the configured API. Pure.
 */

/** The web host that belongs to an API URL: api.github.com → github.com, GHES /api/v3 → its host. */
export function webHostOf(apiUrl: string): string | undefined {
  try {
    const url = new URL(apiUrl);
    return url.hostname === 'api.github.com' ? 'github.com' : url.hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

export function isGitHubDotCom(apiUrl: string): boolean {
  return webHostOf(apiUrl) === 'github.com';
}

/**
 * `owner/repo` of a remote URL on `host`, or undefined. Accepts https, ssh, git and scp-like
 * (`git@host:owner/repo.git`) forms.
 */
export function repoFromRemote(remoteUrl: string, host: string): string | undefined {
  const text = remoteUrl.trim();
  let remoteHost: string;
  let path: string;
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(text);
  if (scp && !/^[a-z]+:\/\//i.test(text)) {
    remoteHost = scp[1];
    path = scp[2];
  } else {
    try {
      const url = new URL(text);
      remoteHost = url.hostname;
      path = url.pathname;
    } catch {
      return undefined;
    }
  }
  if (remoteHost.toLowerCase() !== host.toLowerCase()) return undefined;
  const match = /^\/?([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(path);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

const REPO_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export function isRepoName(value: unknown): value is string {
  return typeof value === 'string' && REPO_NAME.test(value);
}
