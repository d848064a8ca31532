import * as vscode from 'vscode';
import { registerCommands } from '../core/vscode/commands';
import type { Logger } from '../core/vscode/logger';

export const WALKTHROUGH_ID = 'multiplier.welcome';

/** Walkthrough and log commands: the ways in for a newcomer and for a bug report. */
export function registerOnboarding(context: vscode.ExtensionContext, log: Logger): vscode.Disposable {
  const extensionId = context.extension.id;
  return registerCommands({
    'multiplier.openWalkthrough': () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#${WALKTHROUGH_ID}`, false),
    'multiplier.showLog': () => log.show(),
  });
}
