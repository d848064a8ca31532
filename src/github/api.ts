/**
 * The GitHub source's public contract: a connection to the configured API for the signed-in
 * account, with ETag caching and rate-limit backoff inside. It knows nothing of what callers
 * ask for (the review queue's requests and projections live in review/source). Pure types,
 * plus the error class callers test for and the check of an `owner/repo` name.
 */
import type { Event } from '../core/event';

export { GitHubError, isGitHubError } from './model/errors';
export { isRepoName } from './model/remotes';

/** `multiplier.github.*` as read and checked. */
export interface GitHubConfig {
  /** REST API base without a trailing slash, e.g. `https://api.github.com`. */
  apiUrl: string;
  /**
   * Set when `multiplier.github.apiUrl` is refused (not a URL, not https:, http: to another
   * computer): what is wrong, naming the setting and its value. No request is made meanwhile.
   */
  problem?: string;
  /** `owner/repo` names to watch; empty means "the workspace's GitHub remotes". */
  repositories: string[];
  pollMinutes: unknown;
}

/** Projects a JSON page into the small data we keep; `id` versions the projection in the cache key. */
export interface Projection<T> {
  id: string;
  project(json: unknown): T;
  /**
   * false: keep the answer out of the ETag cache (large data the caller caches itself, such as file
   * contents at a commit, which never change). The request is then never conditional.
   */
  store?: boolean;
}

export interface RequestStats {
  /** Every HTTP request sent. */
  requests: number;
  /** Answered 304 Not Modified: free under GitHub's rate limit. */
  notModified: number;
  /** Requests that count against the rate limit (everything not 304). */
  points: number;
  /** Last x-ratelimit-remaining seen. */
  remaining?: number;
}

/** Requests for one account on one API, conditional and paginated. */
export interface GitHubRequests {
  /** `path` like `repos/o/r/pulls?state=open`, relative to the API URL. */
  get<T>(path: string, projection: Projection<T>): Promise<T>;
  /** Follows `Link: rel="next"` on the same origin and concatenates the pages. */
  getAll<T>(path: string, projection: Projection<T[]>): Promise<T[]>;
  /** What this connection's requests cost so far. */
  readonly stats: RequestStats;
  /** When the host may be called again (epoch ms), or 0. */
  readonly blockedUntil: number;
}

export interface GitHubConnection {
  readonly requests: GitHubRequests;
  /** Saves cached responses when they changed (errors are logged, never thrown). */
  save(): Promise<void>;
}

/** Why the account changed: another API or repositories in settings, or another sign-in or token. */
export type GitHubChange = 'settings' | 'account';

export interface GitHubApi {
  config(): GitHubConfig;
  /** The `owner/repo` a git remote URL points at on the configured API's web host and port, or undefined. */
  repoOfRemote(remoteUrl: string): string | undefined;
  /**
   * A connection with the best credential for the configured API's exact origin, asked for
   * silently; undefined when signed out or when the API URL is refused (see `config().problem`).
   */
  connect(): Promise<GitHubConnection | undefined>;
  readonly onDidChange: Event<GitHubChange>;
}
