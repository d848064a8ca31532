/**
 * Finds a token for the configured API, in this order:
 *  1. VS Code's `github` session (github.com only), silently unless the user asked to sign in;
 *  2. the `github-enterprise` session, only when its configured URI is the API's host;
 *  3. a personal access token the user saved for this host in SecretStorage;
 *  4. MULTIPLIER_GITHUB_TOKEN or GITHUB_TOKEN from the environment (github.com, or the host in
 *     GITHUB_API_URL). VS Code servers such as code-server drop GITHUB_TOKEN from the extension
 *     host's environment, so headless hosts need the product-specific name.
 * A token is only ever sent to the host it belongs to. It never goes to settings, state or logs.
 */
import * as vscode from 'vscode';
import { isGitHubDotCom, webHostOf } from '../model/remotes';

export const SCOPES = ['repo', 'read:org'];

export type TokenSource = 'github' | 'github-enterprise' | 'pat' | 'env';

export interface ResolvedToken {
  token: string;
  source: TokenSource;
}

export function secretKeyFor(apiUrl: string): string {
  return `multiplier.github.token/${webHostOf(apiUrl) ?? 'invalid'}`;
}

function enterpriseHostMatches(apiUrl: string): boolean {
  const uri = vscode.workspace.getConfiguration('github-enterprise').get<string>('uri');
  if (!uri) return false;
  try {
    return new URL(uri).hostname.toLowerCase() === webHostOf(apiUrl);
  } catch {
    return false;
  }
}

/** How long a silent session look-up may take: a provider that never registers (restricted mode) must not stall the queue. */
const SILENT_SESSION_TIMEOUT_MS = 5_000;

async function session(provider: string, interactive: boolean): Promise<string | undefined> {
  try {
    const request = vscode.authentication.getSession(provider, SCOPES, interactive ? { createIfNone: true } : { silent: true });
    if (interactive) return (await request)?.accessToken;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gaveUp = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), SILENT_SESSION_TIMEOUT_MS)));
    try {
      return (await Promise.race([request, gaveUp]))?.accessToken;
    } finally {
      clearTimeout(timer);
    }
  } catch {
    // No such provider (e.g. a host without the built-in GitHub auth), or the user cancelled.
    return undefined;
  }
}

export async function resolveToken(secrets: vscode.SecretStorage, apiUrl: string, interactive = false): Promise<ResolvedToken | undefined> {
  if (isGitHubDotCom(apiUrl)) {
    const token = await session('github', interactive);
    if (token) return { token, source: 'github' };
  } else if (enterpriseHostMatches(apiUrl)) {
    const token = await session('github-enterprise', interactive);
    if (token) return { token, source: 'github-enterprise' };
  }
  const pat = await secrets.get(secretKeyFor(apiUrl));
  if (pat) return { token: pat, source: 'pat' };
  const env = process.env.MULTIPLIER_GITHUB_TOKEN || process.env.GITHUB_TOKEN;
  if (env) {
    const envApi = process.env.GITHUB_API_URL;
    const sameHost = envApi ? webHostOf(envApi) === webHostOf(apiUrl) : isGitHubDotCom(apiUrl);
    if (sameHost) return { token: env, source: 'env' };
  }
  return undefined;
}
