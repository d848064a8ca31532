/** Why a GitHub request failed, in the terms the views need. Pure. */
export type GitHubErrorKind =
  /** No network, DNS failure, connection refused or timed out. */
  | 'offline'
  /** 401: the token is missing, revoked or expired. */
  | 'auth'
  /** 403/429 for rate limits; `retryAt` says when to try again. */
  | 'rate-limited'
  /** 404: gone or not visible to this account. */
  | 'not-found'
  /** Any other status. */
  | 'http'
  /** Not JSON (an HTML error page), truncated JSON, or an unexpected shape. */
  | 'bad-response';

export class GitHubError extends Error {
  constructor(
    readonly kind: GitHubErrorKind,
    message: string,
    readonly status?: number,
    /** Epoch ms before which no request to this host should be made. */
    readonly retryAt?: number,
  ) {
    super(message);
    this.name = 'GitHubError';
  }
}

export function isGitHubError(e: unknown, kind?: GitHubErrorKind): e is GitHubError {
  return e instanceof GitHubError && (kind === undefined || e.kind === kind);
}
