/**
 * Sign-in commands. `multiplier.github.signIn` is the only place a sign-in prompt may appear;
 * every other path asks silently.
 */
import * as vscode from 'vscode';
import type { CoreServices } from '../core/services';
import { resolveToken, secretKeyFor } from './source/auth';
import { readGitHubConfig } from './source/config';
import { isGitHubDotCom, webHostOf } from './model/remotes';

export interface SignInHooks {
  /** Called after the token may have changed. */
  changed(): void;
}

async function saveToken(services: CoreServices, apiUrl: string, token: string): Promise<void> {
  services.log.addSecret(token);
  await services.context.secrets.store(secretKeyFor(apiUrl), token);
}

export function registerGitHubCommands(services: CoreServices, hooks: SignInHooks): vscode.Disposable {
  const setToken = async (): Promise<boolean> => {
    const { apiUrl } = readGitHubConfig();
    const token = await vscode.window.showInputBox({
      title: `GitHub token for ${webHostOf(apiUrl) ?? apiUrl}`,
      prompt: "A personal access token with the repo and read:org scopes. It is kept in VS Code's secret storage, never in settings.",
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (/^\S{8,}$/.test(v.trim()) ? undefined : 'Paste the whole token (no spaces).'),
    });
    if (!token) return false;
    await saveToken(services, apiUrl, token.trim());
    hooks.changed();
    return true;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('multiplier.github.signIn', async () => {
      const { apiUrl } = readGitHubConfig();
      const resolved = await resolveToken(services.context.secrets, apiUrl, true);
      if (resolved) {
        services.log.addSecret(resolved.token);
        hooks.changed();
        return;
      }
      // No auth provider for this host (GitHub Enterprise without github-enterprise.uri): ask for a token.
      if (
        !isGitHubDotCom(apiUrl) ||
        (await vscode.window.showInformationMessage('Sign-in did not complete. Use a personal access token instead?', 'Enter Token')) ===
          'Enter Token'
      ) {
        await setToken();
      }
    }),
    vscode.commands.registerCommand('multiplier.github.setToken', setToken),
    vscode.commands.registerCommand('multiplier.github.clearToken', async () => {
      await services.context.secrets.delete(secretKeyFor(readGitHubConfig().apiUrl));
      hooks.changed();
    }),
    // For the integration suites: the same SecretStorage path as setToken, without the input box.
    vscode.commands.registerCommand('multiplier.internal.setTokenForTests', async (token: unknown) => {
      if (typeof token !== 'string' || token.length < 8) return false;
      await saveToken(services, readGitHubConfig().apiUrl, token);
      hooks.changed();
      return true;
    }),
  );
}
