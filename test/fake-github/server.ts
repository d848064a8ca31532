/**
 * A local GitHub-like HTTP server for tests, benchmarks and the demo.
 *
 *   npx tsx test/fake-github/server.ts --scenario test/fake-github/scenarios/demo.json --port 0
 *   → prints "listening on http://127.0.0.1:PORT"
 *
 * Or in-process: `const gh = await startFakeGitHub({ scenario })` → { url, stats, setFaults, close }.
 * Serves ETags and 304s, Link pagination and rate-limit headers, and injects faults on demand.
 */
import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGitHubData } from './routes';
import { loadScenario, type Scenario } from './scenario';

export type FaultKind =
  | 'retry-after' // 403 with Retry-After (secondary limit)
  | 'too-many' // 429
  | 'primary-exhausted' // 403 with x-ratelimit-remaining: 0
  | 'server-error' // 500 JSON
  | 'forbidden' // 403 that is not a rate limit (no access to this repository)
  | 'html-502' // 502 with an HTML page
  | 'truncated-json' // 200 with half a JSON body
  | 'slow' // answers after delayMs
  | 'drop'; // destroys the connection: looks offline

export interface Fault {
  kind: FaultKind;
  /** Substring of the request path (with query) to match; all paths when omitted. */
  match?: string;
  /** Seconds for Retry-After (default 120). */
  retryAfter?: number;
  /** For 'slow' (default 2000 ms). */
  delayMs?: number;
  /** How many matching requests to affect; unlimited when omitted. */
  times?: number;
}

export interface FakeStats {
  requests: number;
  notModified: number;
  /** Requests that would cost GitHub rate limit: everything but 304. */
  points: number;
  byStatus: Record<string, number>;
  /** Path without query → count. */
  byPath: Record<string, number>;
  /** Requests answered 401 (no or wrong token). */
  unauthorized: number;
  /** SHA-256 digests of the tokens received, with counts: never the token itself (see `received`). */
  tokens: Record<string, number>;
}

export interface FakeGitHub {
  url: string;
  readonly stats: FakeStats;
  /** How many requests since the last resetStats() carried `token`. */
  received(token: string): number;
  resetStats(): void;
  setFaults(faults: Fault[]): void;
  /** Replace or edit the scenario while running (e.g. to simulate new activity). */
  update(edit: (scenario: Scenario) => void): void;
  close(): Promise<void>;
}

export interface StartOptions {
  scenario: Scenario | string;
  port?: number;
  /** Fix "now" for relative scenario times (default: start time). */
  now?: number;
}

const emptyStats = (): FakeStats => ({ requests: 0, notModified: 0, points: 0, byStatus: {}, byPath: {}, unauthorized: 0, tokens: {} });
const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function startFakeGitHub(options: StartOptions): Promise<FakeGitHub> {
  const scenario = typeof options.scenario === 'string' ? loadScenario(options.scenario) : options.scenario;
  let stats = emptyStats();
  let faults: (Fault & { used: number })[] = [];
  let baseUrl = '';
  const data = new FakeGitHubData(scenario, options.now ?? Date.now(), () => baseUrl);
  const limit = scenario.rateLimit ?? 5000;
  const used = { core: 0, search: 0 };
  const resetAt = Math.floor(Date.now() / 1000) + 3600;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', baseUrl);
    // Git's smart HTTP (a clone or fetch from a remote on this host): this server speaks no git, and
    // a 404 makes git fail at once where a 401 would have it ask for a user name. Not an API request.
    if (/\.git(?:\/|$)/.test(url.pathname)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('This server speaks no git.');
      return;
    }
    stats.requests++;
    // Recorded before anything else (faults, drops): a token that reached us at all counts.
    const sent = /^(?:bearer|token)\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (sent) stats.tokens[digest(sent)] = (stats.tokens[digest(sent)] ?? 0) + 1;
    stats.byPath[url.pathname] = (stats.byPath[url.pathname] ?? 0) + 1;
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
      if (status === 304) stats.notModified++;
      else stats.points++;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(status === 304 ? undefined : body);
    };
    const resource = url.pathname.startsWith('/search/') ? 'search' : 'core';
    const rateHeaders = () => ({
      'x-ratelimit-limit': String(resource === 'search' ? 30 : limit),
      'x-ratelimit-remaining': String(Math.max(0, (resource === 'search' ? 30 : limit) - used[resource])),
      'x-ratelimit-used': String(used[resource]),
      'x-ratelimit-reset': String(resetAt),
      'x-ratelimit-resource': resource,
    });

    const fault = faults.find(
      (f) => (f.times === undefined || f.used < f.times) && (!f.match || `${url.pathname}${url.search}`.includes(f.match)),
    );
    if (fault) fault.used++;
    const answer = () => {
      if (req.method !== 'GET') return send(404, JSON.stringify({ message: 'Not Found' }));
      const auth = req.headers.authorization ?? '';
      const token = /^(?:bearer|token)\s+(\S+)$/i.exec(auth)?.[1];
      if (!token || (scenario.token !== undefined && token !== scenario.token)) {
        stats.unauthorized++;
        return send(401, JSON.stringify({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' }));
      }
      switch (fault?.kind) {
        case 'retry-after':
          return send(
            403,
            JSON.stringify({ message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }),
            { 'retry-after': String(fault.retryAfter ?? 120), ...rateHeaders() },
          );
        case 'too-many':
          return send(429, JSON.stringify({ message: 'Too many requests' }), { 'retry-after': String(fault.retryAfter ?? 60) });
        case 'primary-exhausted':
          return send(403, JSON.stringify({ message: 'API rate limit exceeded' }), { ...rateHeaders(), 'x-ratelimit-remaining': '0' });
        case 'server-error':
          return send(500, JSON.stringify({ message: 'Server Error' }));
        case 'forbidden':
          return send(403, JSON.stringify({ message: 'Resource not accessible by integration' }), rateHeaders());
        case 'html-502':
          return send(502, '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><p>Unicorn!</p></body></html>', {
            'content-type': 'text/html',
          });
        default:
          break;
      }
      const result = data.route(url.pathname, url.searchParams);
      let body = result.body;
      const headers: Record<string, string> = {};
      const listKey = typeof result.paged === 'string' ? result.paged : undefined;
      const listOf = (b: unknown): unknown[] | undefined =>
        Array.isArray(b)
          ? b
          : listKey && b && typeof b === 'object' && Array.isArray((b as Record<string, unknown>)[listKey])
            ? ((b as Record<string, unknown>)[listKey] as unknown[])
            : undefined;
      if (result.paged && listOf(body)) {
        const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30));
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
        const all = listOf(body)!;
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const slice = all.slice((page - 1) * perPage, page * perPage);
        body = Array.isArray(body) ? slice : { ...(body as object), [listKey!]: slice };
        const link = (p: number, rel: string) => {
          const u = new URL(url.toString());
          u.searchParams.set('page', String(p));
          u.searchParams.set('per_page', String(perPage));
          return `<${u.toString()}>; rel="${rel}"`;
        };
        const links: string[] = [];
        if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
        if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
        if (links.length) headers.link = links.join(', ');
      }
      const text = JSON.stringify(body);
      const etag = `W/"${createHash('sha1').update(`${token.length}:${text}`).digest('hex')}"`;
      if (result.status === 200 && req.headers['if-none-match'] === etag) {
        return send(304, '', { etag, ...rateHeaders() });
      }
      used[resource]++;
      if (fault?.kind === 'truncated-json' && result.status === 200) {
        return send(200, text.slice(0, Math.max(1, Math.floor(text.length / 2))), { etag, ...rateHeaders(), ...headers });
      }
      send(result.status, text, { ...(result.status === 200 ? { etag } : {}), ...rateHeaders(), ...headers });
    };

    if (fault?.kind === 'drop') {
      stats.byStatus.dropped = (stats.byStatus.dropped ?? 0) + 1;
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'slow') setTimeout(answer, fault.delayMs ?? 2000);
    else answer();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    get stats() {
      return stats;
    },
    received: (token) => stats.tokens[digest(token)] ?? 0,
    resetStats: () => {
      stats = emptyStats();
    },
    setFaults: (next) => {
      faults = next.map((f) => ({ ...f, used: 0 }));
    },
    update: (edit) => edit(data.scenario),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const scenario = argValue('--scenario');
  if (!scenario) {
    console.error('usage: npx tsx test/fake-github/server.ts --scenario <file.json> [--port <n>]');
    process.exit(2);
  }
  // --git owner/repo=DIR (repeatable): that repository's pull requests read their branches from DIR.
  const loaded = loadScenario(scenario);
  process.argv.forEach((arg, i) => {
    if (arg !== '--git') return;
    const [name, dir] = (process.argv[i + 1] ?? '').split(/=(.*)/s);
    const repo = loaded.repos.find((r) => `${r.owner}/${r.name}`.toLowerCase() === name.toLowerCase());
    if (repo && dir) repo.gitDir = dir;
  });
  startFakeGitHub({ scenario: loaded, port: Number(argValue('--port') ?? 0) }).then(
    (gh) => {
      console.log(`listening on ${gh.url}`);
      const stop = () => void gh.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
