/**
 * A small GitHub REST client on Node's fetch: conditional requests with a per-account ETag
 * cache, Link pagination, rate-limit backoff and one request at a time per host.
 * No `vscode` import: unit-tested against the local fake server.
 */
import type { GitHubRequests, Projection, RequestStats } from '../api';
import { EtagCache } from '../model/etagCache';
import { GitHubError } from '../model/errors';
import { gateFor, type HostGate } from './hostGate';
import { parseLinkHeader } from '../model/linkHeader';
import { backoffFrom } from '../model/rateLimit';
import { errorMessage, parseJsonBody } from '../model/responseBody';

export interface ClientOptions {
  apiUrl: string;
  token: string;
  /** One-way key of (apiUrl, token), see cacheFile.accountKey. */
  account: string;
  cache: EtagCache;
  now?: () => number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  gate?: HostGate;
  maxPages?: number;
}

export class GitHubClient implements GitHubRequests {
  readonly stats: RequestStats = { requests: 0, notModified: 0, points: 0 };
  private readonly base: URL;
  private readonly gate: HostGate;
  private readonly now: () => number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ClientOptions) {
    this.base = new URL(options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`);
    this.gate = options.gate ?? gateFor(this.base.host);
    this.now = options.now ?? Date.now;
    this.fetchImpl = options.fetchImpl ?? fetch;
  }

  /** When the host may be called again (epoch ms), or 0. */
  get blockedUntil(): number {
    return this.gate.blockedUntil;
  }

  /** `path` like `repos/o/r/pulls?state=open`, relative to the API URL. */
  url(path: string): string {
    return new URL(path.replace(/^\//, ''), this.base).toString();
  }

  async get<T>(path: string, projection: Projection<T>): Promise<T> {
    return (await this.page(this.url(path), projection)).data;
  }

  /** Follows `Link: rel="next"` and concatenates the pages. */
  async getAll<T>(path: string, projection: Projection<T[]>): Promise<T[]> {
    const out: T[] = [];
    let url: string | undefined = this.url(path);
    for (let pages = 0; url && pages < (this.options.maxPages ?? 10); pages++) {
      const page: { data: T[]; next?: string } = await this.page(url, projection);
      out.push(...page.data);
      url = page.next && this.sameOrigin(page.next) ? page.next : undefined;
    }
    return out;
  }

  private sameOrigin(url: string): boolean {
    try {
      return new URL(url).origin === this.base.origin; // never send the token elsewhere
    } catch {
      return false;
    }
  }

  private page<T>(url: string, projection: Projection<T>): Promise<{ data: T; next?: string }> {
    return this.gate.run(() => this.send(url, projection));
  }

  private async send<T>(url: string, projection: Projection<T>): Promise<{ data: T; next?: string }> {
    const now = this.now();
    if (this.gate.blockedUntil > now) {
      throw new GitHubError(
        'rate-limited',
        `GitHub rate limit (${this.gate.blockedReason}): waiting until ${new Date(this.gate.blockedUntil).toISOString()}`,
        undefined,
        this.gate.blockedUntil,
      );
    }
    const key = EtagCache.key(this.options.account, url, projection.id);
    const cached = projection.store === false ? undefined : this.options.cache.get(key);
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'multiplier-vscode',
      authorization: `Bearer ${this.options.token}`,
    };
    if (cached) headers['if-none-match'] = cached.etag;

    let response: Response;
    let text: string;
    try {
      this.stats.requests++;
      response = await this.fetchImpl(url, { headers, signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000), redirect: 'error' });
      text = response.status === 304 ? '' : await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new GitHubError('offline', timedOut ? 'GitHub did not answer in time' : `cannot reach ${this.base.host}`);
    }

    const remaining = Number(response.headers.get('x-ratelimit-remaining'));
    if (response.headers.get('x-ratelimit-remaining') !== null && Number.isFinite(remaining)) this.stats.remaining = remaining;
    if (response.status === 304) this.stats.notModified++;
    else this.stats.points++;

    const backoff = backoffFrom(response.status, response.headers, text, this.now(), this.gate.secondaryStrikes);
    if (backoff) {
      this.gate.blockedUntil = backoff.until;
      this.gate.blockedReason = backoff.reason;
      this.gate.secondaryStrikes = backoff.reason === 'secondary' ? this.gate.secondaryStrikes + 1 : 0;
    } else if (response.ok || response.status === 304) {
      this.gate.secondaryStrikes = 0;
    }

    if (response.status === 304 && cached) {
      this.options.cache.touch(key, this.now());
      return { data: cached.data as T, next: cached.next };
    }
    if (response.ok) {
      // Checked before trusting anything: an HTML page or a cut-off body is an error.
      const data = projection.project(parseJsonBody(text, response.headers.get('content-type'), response.status));
      const next = parseLinkHeader(response.headers.get('link')).next;
      const etag = response.headers.get('etag');
      if (etag && projection.store !== false) this.options.cache.set(key, { etag, data, next, at: this.now() });
      else this.options.cache.delete(key);
      return { data, next };
    }
    if (backoff && (response.status === 403 || response.status === 429)) {
      throw new GitHubError(
        'rate-limited',
        `GitHub rate limit (${backoff.reason}): waiting until ${new Date(backoff.until).toISOString()}`,
        response.status,
        backoff.until,
      );
    }
    const detail = errorMessage(text);
    const what = `GitHub answered ${response.status}${detail ? `: ${detail}` : ''}`;
    if (response.status === 401) throw new GitHubError('auth', what, 401);
    if (response.status === 404) throw new GitHubError('not-found', what, 404);
    if (response.status === 304) throw new GitHubError('bad-response', 'GitHub answered 304 for a request we had no cached copy of', 304);
    throw new GitHubError(
      /^\s*</.test(text) ? 'bad-response' : 'http',
      /^\s*</.test(text) ? `GitHub answered ${response.status} with an HTML page` : what,
      response.status,
    );
  }
}
