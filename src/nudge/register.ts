import * as vscode from 'vscode';
import type { Logger } from '../core/vscode/logger';
import { ALL_KINDS, type NudgeRequest } from './api';
import { NudgeScheduler } from './policy/scheduler';
import { EditorNudgeService } from './controller';
import { NudgeSettingsReader } from './source/settingsReader';
import { snoozeChoices } from './policy/snoozeChoices';

/**
 * Builds the nudge service synchronously, before any capability registers: a memento read and a
 * configuration listener, nothing more. The returned service is disposable; add it to the store.
 */
export function createNudgeService(context: vscode.ExtensionContext, log: Logger): EditorNudgeService {
  const clock = Date.now;
  let scheduler: NudgeScheduler | undefined;
  const settings = new NudgeSettingsReader(log, () => scheduler?.settingsChanged());
  scheduler = new NudgeScheduler({
    clock,
    storage: {
      get: (key) => context.globalState.get<unknown>(key),
      set: (key, value) => context.globalState.update(key, value),
    },
    settings: settings.current,
    warn: (message) => log.warn(message),
  });
  const service = new EditorNudgeService(scheduler, clock, settings.current, log);
  const dispose = service.dispose.bind(service);
  service.dispose = () => {
    settings.dispose();
    dispose();
  };
  return service;
}

/** Commands to manage nudges: reset muted kinds, snooze everything. */
export function registerNudges(nudges: EditorNudgeService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('multiplier.nudges.resetMuted', async (kinds?: string[] | 'all') => {
      await resetMuted(nudges, kinds);
      await nudges.flushed();
    }),
    vscode.commands.registerCommand('multiplier.nudges.snoozeAll', async (minutes?: number) => {
      await snoozeAll(nudges, minutes);
      await nudges.flushed();
    }),
    // Not in the palette: lets views mute a kind from a context menu and tests drive the scheduler.
    vscode.commands.registerCommand('multiplier.internal.muteNudgeKind', async (kind: unknown) => {
      if (typeof kind === 'string' && kind.length > 0) nudges.never(kind);
      await nudges.flushed();
    }),
    vscode.commands.registerCommand('multiplier.internal.nudgeState', (req?: NudgeRequest) => ({
      state: nudges.state,
      focusActive: nudges.isFocusActive(),
      quietReason: nudges.quietReason(),
      decision: isRequest(req) ? nudges.decide(req) : undefined,
    })),
  );
}

async function resetMuted(nudges: EditorNudgeService, kinds?: string[] | 'all'): Promise<void> {
  const muted = nudges.state.neverKinds;
  if (kinds === 'all') {
    nudges.resetNever();
    return;
  }
  if (Array.isArray(kinds)) {
    kinds.forEach((kind) => nudges.resetNever(kind));
    return;
  }
  if (muted.length === 0) {
    void vscode.window.showInformationMessage('No nudge kinds are muted.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    muted.map((kind) => ({ label: kind, picked: true })),
    { canPickMany: true, title: 'Unmute nudge kinds', placeHolder: 'Checked kinds will nudge you again' },
  );
  picked?.forEach((item) => nudges.resetNever(item.label));
}

async function snoozeAll(nudges: EditorNudgeService, minutes?: number): Promise<void> {
  const now = Date.now();
  if (typeof minutes === 'number' && Number.isFinite(minutes)) {
    nudges.snooze({ kind: ALL_KINDS }, now + minutes * 60_000);
    return;
  }
  const choices = snoozeChoices(now, nudges.state.snoozedKinds[ALL_KINDS], nudges.settings());
  const picked = await vscode.window.showQuickPick(choices, {
    title: 'Snooze all Multiplier nudges',
    placeHolder: 'Nudges wait in their views meanwhile',
  });
  if (picked) {
    nudges.snooze({ kind: ALL_KINDS }, picked.until);
  }
}

function isRequest(value: unknown): value is NudgeRequest {
  const v = value as Partial<NudgeRequest> | undefined;
  return typeof v?.kind === 'string' && typeof v.id === 'string' && typeof v.wantsToast === 'boolean';
}
