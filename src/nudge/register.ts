/**
 * The nudge capability in the editor: the one scheduler every capability asks before speaking,
 * its commands, and focus blocks. Creating it reads one memento and adds a configuration
 * listener, nothing more, so every capability registered after it may nudge.
 */
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { registerCommands, type CommandTable } from '../core/vscode/commands';
import type { Logger } from '../core/vscode/logger';
import { resetMuted, snoozeAll, startFocus, stopFocus } from './commands';
import { NudgeController } from './controller';
import { NudgeScheduler } from './policy/scheduler';
import { NudgeSettingsReader } from './source/settingsReader';
import { FocusStatus } from './view/focusStatus';

export function createNudgeController(context: vscode.ExtensionContext, log: Logger, clock: Clock): NudgeController {
  let scheduler: NudgeScheduler | undefined;
  const settings = new NudgeSettingsReader(log, () => scheduler?.settingsChanged());
  scheduler = new NudgeScheduler({
    clock: () => clock.now(),
    storage: {
      get: (key) => context.globalState.get<unknown>(key),
      set: (key, value) => context.globalState.update(key, value),
    },
    settings: settings.current,
    warn: (message) => log.warn(message),
  });
  const controller = new NudgeController(scheduler, clock, settings.current, log);
  const dispose = controller.dispose.bind(controller);
  controller.dispose = () => {
    settings.dispose();
    dispose();
  };
  return controller;
}

export function registerNudges(nudges: NudgeController, clock: Clock): vscode.Disposable {
  const focusStatus = new FocusStatus(nudges, clock);
  const commands: CommandTable = {
    'multiplier.nudges.resetMuted': (kinds?: string[] | 'all') => resetMuted(nudges, kinds),
    'multiplier.nudges.snoozeAll': (minutes?: number) => snoozeAll(nudges, clock, minutes),
    'multiplier.focus.start': async (minutes?: number) => {
      if (await startFocus(nudges, clock, minutes)) focusStatus.refresh();
    },
    'multiplier.focus.stop': async () => {
      await stopFocus(nudges);
      focusStatus.refresh();
    },
  };
  return vscode.Disposable.from(focusStatus, registerCommands(commands));
}
