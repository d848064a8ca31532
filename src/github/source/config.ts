/** Reads `multiplier.github.*`. */
import * as vscode from 'vscode';
import { isRepoName } from '../model/remotes';

export const DEFAULT_API_URL = 'https://api.github.com';

export interface GitHubConfig {
  apiUrl: string;
  repositories: string[];
  pollMinutes: unknown;
}

export function readGitHubConfig(): GitHubConfig {
  const c = vscode.workspace.getConfiguration('multiplier.github');
  const apiUrl = c.get<string>('apiUrl') || DEFAULT_API_URL;
  const repos = c.get<unknown[]>('repositories');
  return {
    apiUrl: /^https?:\/\//i.test(apiUrl) ? apiUrl.replace(/\/+$/, '') : DEFAULT_API_URL,
    repositories: Array.isArray(repos) ? repos.filter(isRepoName) : [],
    pollMinutes: c.get<unknown>('pollMinutes'),
  };
}
