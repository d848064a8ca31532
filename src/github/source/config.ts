/** Reads `multiplier.github.*`, and says plainly when the API URL is not one Multiplier may use. */
import * as vscode from 'vscode';
import { displayText } from '../../core/text';
import type { GitHubConfig } from '../api';
import { checkApiUrl, DEFAULT_API_URL, type ApiUrlProblem } from '../model/origin';
import { isRepoName } from '../model/remotes';

export const API_URL_SETTING = 'multiplier.github.apiUrl';

function problemText(problem: ApiUrlProblem, value: string): string {
  const shown = displayText(value, { maxLength: 80 });
  switch (problem) {
    case 'not-a-url':
      return vscode.l10n.t('The setting {0} is "{1}", which is not a web address.', API_URL_SETTING, shown);
    case 'scheme':
      return vscode.l10n.t(
        'The setting {0} is "{1}": only https:// addresses are allowed (http:// only on this computer).',
        API_URL_SETTING,
        shown,
      );
    case 'http-not-loopback':
      return vscode.l10n.t(
        'The setting {0} is "{1}": http:// is allowed only on this computer (localhost). Use https://.',
        API_URL_SETTING,
        shown,
      );
    case 'credentials':
      return vscode.l10n.t(
        'The setting {0} holds a user name or password. Remove it, and save a token with "Set GitHub Personal Access Token" instead.',
        API_URL_SETTING,
      );
  }
}

export function readGitHubConfig(): GitHubConfig {
  const c = vscode.workspace.getConfiguration('multiplier.github');
  const repos = c.get<unknown[]>('repositories');
  const checked = checkApiUrl(c.get<unknown>('apiUrl'));
  return {
    apiUrl: checked.ok ? checked.apiUrl : DEFAULT_API_URL,
    problem: checked.ok
      ? undefined
      : `${problemText(checked.problem, checked.value)} ${vscode.l10n.t('Multiplier sends no request to GitHub until it is fixed.')}`,
    repositories: Array.isArray(repos) ? repos.filter(isRepoName) : [],
    pollMinutes: c.get<unknown>('pollMinutes'),
  };
}
