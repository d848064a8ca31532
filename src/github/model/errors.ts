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

/**
 * Marks a GitHubError by a registry symbol, not by its class: each bundle loaded on first use
 * (dist/pr-pages.js, dist/health.js) has its own copy of this class, so `instanceof` would miss an
 * error thrown by the client in dist/extension.js.
 */
const BRAND = Symbol.for('multiplier.github.error');

export class GitHubError extends Error {
  readonly [BRAND] = true;

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
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { [BRAND]?: unknown })[BRAND] === true &&
    (kind === undefined || (e as GitHubError).kind === kind)
  );
}
