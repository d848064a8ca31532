import * as vscode from 'vscode';
import type { EditorNudgeService } from './controller';
import { describeInstant } from '../core/time/wallclock';
import { describeMinutes, focusDurationChoices, sanitizeFocusMinutes } from './policy/focusDurations';
import { FocusStatus } from './view/focusStatus';

/**
 * Focus mode: a block of time in which no nudge may interrupt (they wait in their views).
 * The state lives in the nudge scheduler, so every capability honours it without knowing focus.
 */
export function registerFocus(nudges: EditorNudgeService): vscode.Disposable {
  const status = new FocusStatus(nudges);
  return vscode.Disposable.from(
    status,
    // An explicit minutes argument (keybindings, tests) skips the picker.
    vscode.commands.registerCommand('multiplier.focus.start', async (minutes?: number) => {
      const chosen = minutes === undefined ? await pickMinutes(nudges) : sanitizeFocusMinutes(minutes);
      if (chosen !== undefined) {
        nudges.startFocus(Date.now() + chosen * 60_000);
        status.refresh();
        await nudges.flushed();
      }
    }),
    vscode.commands.registerCommand('multiplier.focus.stop', async () => {
      nudges.stopFocus();
      status.refresh();
      await nudges.flushed();
    }),
  );
}

async function pickMinutes(nudges: EditorNudgeService): Promise<number | undefined> {
  const configured = vscode.workspace.getConfiguration('multiplier').get<unknown>('focus.defaultMinutes');
  const now = Date.now();
  const zone = nudges.settings().timeZone;
  const items = focusDurationChoices(configured).map((minutes, index) => ({
    label: describeMinutes(minutes),
    description: `until ${describeInstant(now + minutes * 60_000, now, zone)}${index === 0 ? ' (default)' : ''}`,
    minutes,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: nudges.isFocusActive() ? 'Restart the focus block' : 'Start a focus block',
    placeHolder: 'No nudge interrupts you during the block; they wait in their views',
  });
  return picked?.minutes;
}
