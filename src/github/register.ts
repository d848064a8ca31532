/** The GitHub source in the editor: its controller and the sign-in commands. */
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { registerCommands } from '../core/vscode/commands';
import type { Logger } from '../core/vscode/logger';
import { setToken, signIn } from './commands';
import { GitHubController } from './controller';

export function createGitHubController(context: vscode.ExtensionContext, log: Logger, clock: Clock): GitHubController {
  return new GitHubController(context, log, clock);
}

export function registerGitHub(github: GitHubController): vscode.Disposable {
  return registerCommands({
    'multiplier.github.signIn': () => signIn(github),
    'multiplier.github.setToken': () => setToken(github),
    'multiplier.github.clearToken': () => github.clearToken(),
  });
}
