/**
 * The nudge capability in the editor: the one scheduler every capability asks before speaking,
 * its commands, and focus blocks. Creating it reads one memento and adds a configuration
 * listener, nothing more, so every capability registered after it may nudge.
 */
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { registerCommands, type CommandTable } from '../core/vscode/commands';
import { globalStateOf } from '../core/vscode/globalState';
import type { Logger } from '../core/vscode/logger';
import { resetMuted, snoozeAll, startFocus, stopFocus } from './commands';
import { NudgeController } from './controller';
import { showDeepWorkSummary } from './deepWorkCommands';
import { DeepWorkMeter } from './deepWorkMeter';
import { NudgeScheduler } from './policy/scheduler';
import { watchActivity } from './source/activity';
import { DeepWorkSettingsReader } from './source/deepWorkSettings';
import { NudgeSettingsReader } from './source/settingsReader';
import { DeepWorkStatus } from './view/deepWorkStatus';
import { FocusStatus } from './view/focusStatus';

export function createNudgeController(context: vscode.ExtensionContext, log: Logger, clock: Clock): NudgeController {
  const globalState = globalStateOf(context, clock, log);
  let scheduler: NudgeScheduler | undefined;
  const settings = new NudgeSettingsReader(log, () => scheduler?.settingsChanged());
  scheduler = new NudgeScheduler({
    clock: () => clock.now(),
    storage: {
      get: (key) => globalState.get<unknown>(key),
      set: (key, value) => globalState.update(key, value),
    },
    settings: settings.current,
    warn: (message) => log.warn(message),
  });
  const controller = new NudgeController(scheduler, clock, settings.current, log);
  const storage = {
    get: (key: string) => globalState.get<unknown>(key),
    set: (key: string, value: unknown) => globalState.update(key, value),
  };
  const deepWorkSettings = new DeepWorkSettingsReader(() => meter.settingsChanged());
  const meter = new DeepWorkMeter({
    clock,
    storage,
    nudgeSettings: settings.current,
    settings: deepWorkSettings.current,
    suggest: (request) => {
      const startFocus = vscode.l10n.t('Start Focus Block');
      const { decision, outcome } = controller.show(request, startFocus);
      void outcome.then(({ action }) => {
        if (action === startFocus) void vscode.commands.executeCommand('multiplier.focus.start');
      });
      return decision.channel === 'toast';
    },
  });
  controller.meter = meter;
  const toasts = controller.onDidShowToast(({ at }) => meter.recordInterruption(at));
  const jumps = clock.onDidJump(() => meter.clockJumped());
  const dispose = controller.dispose.bind(controller);
  controller.dispose = () => {
    toasts.dispose();
    jumps.dispose();
    deepWorkSettings.dispose();
    settings.dispose();
    dispose();
  };
  return controller;
}

export function registerNudges(nudges: NudgeController, clock: Clock): vscode.Disposable {
  const focusStatus = new FocusStatus(nudges, clock);
  const meter = nudges.meter!;
  const deepWorkStatus = new DeepWorkStatus(meter, nudges, clock);
  const activity = watchActivity((a) => meter.observe(a), clock);
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
    'multiplier.deepWork.showSummary': () => showDeepWorkSummary(nudges),
  };
  return vscode.Disposable.from(focusStatus, deepWorkStatus, activity, registerCommands(commands));
}
