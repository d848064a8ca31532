/**
 * Which GitHub repository a git remote points at, for the configured API. Pure.
 */
import { checkApiUrl } from './origin';

/** The web server that belongs to an API: its host name and port (the scheme's default when not written). */
export interface WebHost {
  hostname: string;
  port: string;
}

const defaultPort = (protocol: string): string => (protocol === 'https:' ? '443' : protocol === 'http:' ? '80' : '');

/**
 * The web host of an API URL: api.github.com → github.com, GHES `https://h/api/v3` → h:443, a
 * local server `http://127.0.0.1:9102` → 127.0.0.1:9102. Undefined for an API URL that is refused.
 */
export function webHostOf(apiUrl: string): WebHost | undefined {
  const checked = checkApiUrl(apiUrl);
  if (!checked.ok) return undefined;
  const url = new URL(checked.apiUrl);
  const port = url.port || defaultPort(url.protocol);
  return url.hostname === 'api.github.com' ? { hostname: 'github.com', port: '443' } : { hostname: url.hostname.toLowerCase(), port };
}

/** `github.com`, or the API's `host[:port]` (the port only when it is not the scheme's default). */
export function describeWebHost(apiUrl: string): string {
  const checked = checkApiUrl(apiUrl);
  if (!checked.ok) return apiUrl;
  const url = new URL(checked.apiUrl);
  return url.hostname === 'api.github.com' && url.port === '' ? 'github.com' : url.host;
}

/**
 * `owner/repo` of a remote URL on `web`, or undefined. Accepts https, ssh, git and scp-like
 * (`git@host:owner/repo.git`) forms. An http(s) remote must name the same host and port as the
 * API's web server; an ssh or git remote's port belongs to another service, so only its host counts.
 */
export function repoFromRemote(remoteUrl: string, web: WebHost): string | undefined {
  const text = remoteUrl.trim();
  let remoteHost: string;
  let remotePort: string | undefined;
  let path: string;
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(text);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    remoteHost = scp[1];
    path = scp[2];
  } else {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return undefined;
    }
    if (url.protocol === 'https:' || url.protocol === 'http:') remotePort = url.port || defaultPort(url.protocol);
    else if (!['ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(url.protocol)) return undefined;
    remoteHost = url.hostname;
    path = url.pathname;
  }
  if (remoteHost.toLowerCase() !== web.hostname.toLowerCase()) return undefined;
  if (remotePort !== undefined && remotePort !== web.port) return undefined;
  const match = /^\/?([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(path);
  const repo = match ? `${match[1]}/${match[2]}` : undefined;
  return isRepoName(repo) ? repo : undefined;
}

const REPO_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/** `owner/repo` as GitHub allows it; never `.` or `..`, which would climb the API's paths. */
export function isRepoName(value: unknown): value is string {
  return typeof value === 'string' && REPO_NAME.test(value) && value.split('/').every((part) => part !== '.' && part !== '..');
}
