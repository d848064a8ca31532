/**
 * Sign-in commands. `multiplier.github.signIn` is the only place a sign-in prompt may appear;
 * every other path asks silently.
 */
import * as vscode from 'vscode';
import type { GitHubController } from './controller';
import { API_URL_SETTING } from './source/config';
import { isGitHubDotCom } from './model/origin';
import { describeWebHost } from './model/remotes';

export async function setToken(github: GitHubController): Promise<boolean> {
  const { apiUrl, problem } = github.config();
  if (problem) {
    const choice = await vscode.window.showWarningMessage(problem, vscode.l10n.t('Open Settings'));
    if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', API_URL_SETTING);
    return false;
  }
  const token = await vscode.window.showInputBox({
    title: vscode.l10n.t('GitHub token for {0}', describeWebHost(apiUrl)),
    prompt: vscode.l10n.t(
      "A personal access token with the repo and read:org scopes. It is kept in VS Code's secret storage, never in settings.",
    ),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (/^\S{8,}$/.test(v.trim()) ? undefined : vscode.l10n.t('Paste the whole token (no spaces).')),
  });
  if (!token) return false;
  await github.saveToken(token.trim());
  return true;
}

export async function signIn(github: GitHubController): Promise<void> {
  if (github.config().problem) {
    await setToken(github); // says what is wrong with the setting, and offers to open it
    return;
  }
  if (await github.signInInteractively()) return;
  // No auth provider for this host (GitHub Enterprise without github-enterprise.uri): ask for a token.
  const enterToken = vscode.l10n.t('Enter Token');
  const offerToken =
    !isGitHubDotCom(github.config().apiUrl) ||
    (await vscode.window.showInformationMessage(
      vscode.l10n.t('Sign-in did not complete. Use a personal access token instead?'),
      enterToken,
    )) === enterToken;
  if (offerToken) await setToken(github);
}
