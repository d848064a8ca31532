/**
 * Finds a token for the configured API, in this order:
 *  1. VS Code's `github` session (https://api.github.com only), silently unless the user asked to sign in;
 *  2. the `github-enterprise` session, only when `github-enterprise.uri` has the API's origin;
 *  3. a personal access token the user saved for this origin in SecretStorage;
 *  4. MULTIPLIER_GITHUB_TOKEN or GITHUB_TOKEN from the environment, only for the origin of
 *     GITHUB_API_URL (https://api.github.com when unset). VS Code servers such as code-server drop
 *     GITHUB_TOKEN from the extension host's environment, so headless hosts need the product-specific name.
 * The rules live in model/credentials.ts: a token only ever goes to the exact origin (scheme, host,
 * port) it was given for. It never goes to settings, state or logs.
 */
import * as vscode from 'vscode';
import { resolveCredential, type ResolvedToken, type SessionProvider } from '../model/credentials';

export type { ResolvedToken } from '../model/credentials';

const SCOPES = ['repo', 'read:org'];

/** How long a silent session look-up may take: a provider that never registers (restricted mode) must not stall the queue. */
const SILENT_SESSION_TIMEOUT_MS = 5_000;

async function session(provider: SessionProvider, interactive: boolean): Promise<string | undefined> {
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

export function resolveToken(secrets: vscode.SecretStorage, apiUrl: string, interactive = false): Promise<ResolvedToken | undefined> {
  return resolveCredential(apiUrl, {
    session: (provider) => session(provider, interactive),
    secret: async (key) => (await secrets.get(key)) || undefined,
    env: process.env,
    enterpriseUri: vscode.workspace.getConfiguration('github-enterprise').get<string>('uri') || undefined,
  });
}
