/**
 * Where a credential may go: the exact origin (scheme, host and port) of the API it was given
 * for. Also the check of `multiplier.github.apiUrl`: only `https:`, plus `http:` for this
 * computer, and never a user name or password inside the URL. Pure.
 */
export const DEFAULT_API_URL = 'https://api.github.com';
export const GITHUB_DOT_COM_ORIGIN = 'https://api.github.com';

/** Why an API URL was refused; the editor layer turns it into words. */
export type ApiUrlProblem = 'not-a-url' | 'scheme' | 'http-not-loopback' | 'credentials';

export type ApiUrlCheck = { ok: true; apiUrl: string; origin: string } | { ok: false; value: string; problem: ApiUrlProblem };

/** `localhost`, `127.x.y.z` and `[::1]`: the only hosts plain `http:` may reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** The configured API URL, checked. Empty means github.com. */
export function checkApiUrl(raw: unknown): ApiUrlCheck {
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (value === '') return { ok: true, apiUrl: DEFAULT_API_URL, origin: GITHUB_DOT_COM_ORIGIN };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, value, problem: 'not-a-url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, value, problem: 'scheme' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return { ok: false, value, problem: 'http-not-loopback' };
  if (url.username !== '' || url.password !== '') return { ok: false, value, problem: 'credentials' };
  url.hash = '';
  url.search = '';
  return { ok: true, apiUrl: url.toString().replace(/\/+$/, ''), origin: url.origin };
}

/**
 * `scheme://host:port` of an http(s) URL, with the default port left out (so
 * `https://h:443` and `https://h` are one origin); undefined for anything else.
 */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

export function isGitHubDotCom(apiUrl: string): boolean {
  return originOf(apiUrl) === GITHUB_DOT_COM_ORIGIN;
}

/** True only when both URLs are http(s) and share scheme, host and port exactly. */
export function sameOrigin(a: string | undefined, b: string | undefined): boolean {
  const left = originOf(a);
  return left !== undefined && left === originOf(b);
}
