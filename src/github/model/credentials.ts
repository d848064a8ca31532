/**
 * Which credential may be sent to the configured API. Every credential is bound to the exact
 * origin (scheme, host and port) it was given for:
 *  - the `github` auth session only to https://api.github.com;
 *  - the `github-enterprise` session only to the origin of `github-enterprise.uri`;
 *  - a saved personal access token only to the origin it was saved for (the key names it);
 *  - MULTIPLIER_GITHUB_TOKEN / GITHUB_TOKEN only to the origin of GITHUB_API_URL, or to
 *    https://api.github.com when that is not set.
 * An API URL that `checkApiUrl` refuses gets no credential at all. Pure: the editor layer hands in
 * the sources (auth sessions, SecretStorage, the environment) and this decides.
 */
import { checkApiUrl, GITHUB_DOT_COM_ORIGIN, originOf, sameOrigin } from './origin';

export type TokenSource = 'github' | 'github-enterprise' | 'pat' | 'env';
export type SessionProvider = 'github' | 'github-enterprise';

export interface ResolvedToken {
  token: string;
  source: TokenSource;
}

export interface CredentialSources {
  /** The provider's session token (silent or interactive is the caller's business). */
  session(provider: SessionProvider): Promise<string | undefined>;
  secret(key: string): Promise<string | undefined>;
  env: Readonly<Record<string, string | undefined>>;
  /** The `github-enterprise.uri` setting. */
  enterpriseUri: string | undefined;
}

const SECRET_PREFIX = 'multiplier.github.token/';

/** The SecretStorage key of a token saved for this API: its origin, e.g. `…/https://ghe.example.com:8443`. */
export function secretKeyFor(apiUrl: string): string | undefined {
  const checked = checkApiUrl(apiUrl);
  return checked.ok ? `${SECRET_PREFIX}${checked.origin}` : undefined;
}

/**
 * The key earlier versions used: the host name alone. Such a token is never read (it does not say
 * which scheme or port it was for); the key is only deleted when the user clears the token.
 */
export function legacySecretKeyFor(apiUrl: string): string | undefined {
  const checked = checkApiUrl(apiUrl);
  if (!checked.ok) return undefined;
  const host = new URL(checked.apiUrl).hostname.toLowerCase();
  return `${SECRET_PREFIX}${host === 'api.github.com' ? 'github.com' : host}`;
}

export function sessionProviderFor(apiUrl: string, enterpriseUri: string | undefined): SessionProvider | undefined {
  const checked = checkApiUrl(apiUrl);
  if (!checked.ok) return undefined;
  if (checked.origin === GITHUB_DOT_COM_ORIGIN) return 'github';
  if (enterpriseUri && checkApiUrl(enterpriseUri).ok && sameOrigin(enterpriseUri, checked.apiUrl)) return 'github-enterprise';
  return undefined;
}

export function envTokenFor(apiUrl: string, env: CredentialSources['env']): string | undefined {
  const token = env.MULTIPLIER_GITHUB_TOKEN || env.GITHUB_TOKEN;
  const checked = checkApiUrl(apiUrl);
  if (!token || !checked.ok) return undefined;
  const envApi = env.GITHUB_API_URL?.trim();
  if (!envApi) return checked.origin === GITHUB_DOT_COM_ORIGIN ? token : undefined;
  const envChecked = checkApiUrl(envApi);
  return envChecked.ok && envChecked.origin === originOf(checked.apiUrl) ? token : undefined;
}

/** The best credential for `apiUrl`: its auth session, then a token saved for it, then the environment's. */
export async function resolveCredential(apiUrl: string, sources: CredentialSources): Promise<ResolvedToken | undefined> {
  if (!checkApiUrl(apiUrl).ok) return undefined;
  const provider = sessionProviderFor(apiUrl, sources.enterpriseUri);
  if (provider) {
    const token = await sources.session(provider);
    if (token) return { token, source: provider };
  }
  const key = secretKeyFor(apiUrl);
  const pat = key && (await sources.secret(key));
  if (pat) return { token: pat, source: 'pat' };
  const env = envTokenFor(apiUrl, sources.env);
  return env ? { token: env, source: 'env' } : undefined;
}
