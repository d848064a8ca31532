/**
 * Sign-in commands. `multiplier.github.signIn` is the only place a sign-in prompt may appear;
 * every other path asks silently.
 */
import * as vscode from 'vscode';
import type { GitHubController } from './controller';
import { isGitHubDotCom, webHostOf } from './model/remotes';

export async function setToken(github: GitHubController): Promise<boolean> {
  const { apiUrl } = github.config();
  const token = await vscode.window.showInputBox({
    title: `GitHub token for ${webHostOf(apiUrl) ?? apiUrl}`,
    prompt: "A personal access token with the repo and read:org scopes. It is kept in VS Code's secret storage, never in settings.",
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (/^\S{8,}$/.test(v.trim()) ? undefined : 'Paste the whole token (no spaces).'),
  });
  if (!token) return false;
  await github.saveToken(token.trim());
  return true;
}

export async function signIn(github: GitHubController): Promise<void> {
  if (await github.signInInteractively()) return;
  // No auth provider for this host (GitHub Enterprise without github-enterprise.uri): ask for a token.
  const offerToken =
    !isGitHubDotCom(github.config().apiUrl) ||
    (await vscode.window.showInformationMessage('Sign-in did not complete. Use a personal access token instead?', 'Enter Token')) ===
      'Enter Token';
  if (offerToken) await setToken(github);
}
