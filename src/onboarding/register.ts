import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { registerCommands } from '../core/vscode/commands';
import { globalStateOf } from '../core/vscode/globalState';
import type { Logger } from '../core/vscode/logger';

export const WALKTHROUGH_ID = 'multiplier.welcome';
/** Set once, on the first start in a profile: when, and whether the walkthrough was opened. */
export const FIRST_RUN_KEY = 'multiplier.onboarding.firstRun';
/** After start-up settles, so the walkthrough does not fight the editors being restored. */
const OPEN_DELAY_MS = 1_500;

export interface FirstRun {
  at: number;
  opened: boolean;
}

/** What the first-run check decided in this window, for the test seam. */
export type FirstRunDecision = 'opened' | 'setting-off' | 'already-done' | 'pending';

export interface Onboarding extends vscode.Disposable {
  decision(): FirstRunDecision;
}

/**
 * Walkthrough and log commands: the ways in for a newcomer and for a bug report. On the first
 * start in a profile the walkthrough opens by itself, once: VS Code does that only for an
 * extension installed while a window is open, not for one installed from the command line or
 * preinstalled (a dev container, `code-server --install-extension`). The user's
 * `workbench.welcomePage.walkthroughs.openOnInstall` is honoured either way.
 */
export function registerOnboarding(context: vscode.ExtensionContext, log: Logger, clock: Clock): Onboarding {
  const extensionId = context.extension.id;
  const open = (): Thenable<unknown> =>
    vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#${WALKTHROUGH_ID}`, false);
  const globalState = globalStateOf(context, clock, log);
  let decision: FirstRunDecision = 'pending';
  const firstStart = async (): Promise<void> => {
    if (globalState.get<FirstRun>(FIRST_RUN_KEY)) {
      decision = 'already-done';
      return;
    }
    const wanted = vscode.workspace.getConfiguration('workbench.welcomePage.walkthroughs').get<boolean>('openOnInstall', true);
    // Stored before the decision is reported or anything opens: the decision never runs ahead of
    // what a reload will read.
    try {
      await globalState.update(FIRST_RUN_KEY, { at: clock.now(), opened: wanted } satisfies FirstRun);
    } catch (error) {
      log.warn(`could not record the first run: ${String(error)}`);
    }
    decision = wanted ? 'opened' : 'setting-off';
    log.info(wanted ? 'first run: opening the walkthrough' : 'first run: walkthroughs.openOnInstall is off; not opening the walkthrough');
    if (!wanted) return;
    try {
      await open();
    } catch (error) {
      log.warn(`could not open the walkthrough: ${String(error)}`);
    }
  };
  const timer = clock.after(OPEN_DELAY_MS, () => void firstStart());
  const commands = registerCommands({
    'multiplier.openWalkthrough': open,
    'multiplier.showLog': () => log.show(),
  });
  return {
    decision: () => decision,
    dispose: () => {
      timer.dispose();
      commands.dispose();
    },
  };
}
