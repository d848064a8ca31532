import * as vscode from 'vscode';
import type { Services } from '../core/services';

export const WALKTHROUGH_ID = 'multiplier.welcome';

/** Walkthrough and log commands: the ways in for a newcomer and for a bug report. */
export function registerOnboarding(services: Services): vscode.Disposable {
  const extensionId = services.context.extension.id;
  return vscode.Disposable.from(
    vscode.commands.registerCommand('multiplier.openWalkthrough', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#${WALKTHROUGH_ID}`, false),
    ),
    vscode.commands.registerCommand('multiplier.showLog', () => services.log.show()),
  );
}
