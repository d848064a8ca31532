/** The nudge commands: un-mute kinds, snooze every nudge, start and stop a focus block. */
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { describeInstant } from '../core/time/wallclock';
import { ALL_KINDS } from './api';
import type { NudgeController } from './controller';
import { describeMinutes, focusDurationChoices, sanitizeFocusMinutes } from './policy/focusDurations';
import { snoozeChoices } from './policy/snoozeChoices';

export async function resetMuted(nudges: NudgeController, kinds?: string[] | 'all'): Promise<void> {
  const muted = nudges.state.neverKinds;
  if (kinds === 'all') {
    nudges.resetNever();
  } else if (Array.isArray(kinds)) {
    kinds.forEach((kind) => nudges.resetNever(kind));
  } else if (muted.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No nudge kinds are muted.'));
  } else {
    const picked = await vscode.window.showQuickPick(
      muted.map((kind) => ({ label: kind, picked: true })),
      {
        canPickMany: true,
        title: vscode.l10n.t('Unmute nudge kinds'),
        placeHolder: vscode.l10n.t('Checked kinds will nudge you again'),
      },
    );
    picked?.forEach((item) => nudges.resetNever(item.label));
  }
  await nudges.flushed();
}

export async function snoozeAll(nudges: NudgeController, clock: Clock, minutes?: number): Promise<void> {
  const now = clock.now();
  if (typeof minutes === 'number' && Number.isFinite(minutes)) {
    nudges.snooze({ kind: ALL_KINDS }, now + minutes * 60_000);
  } else {
    const choices = snoozeChoices(now, nudges.state.snoozedKinds[ALL_KINDS], nudges.settings());
    const picked = await vscode.window.showQuickPick(choices, {
      title: vscode.l10n.t('Snooze all Multiplier nudges'),
      placeHolder: vscode.l10n.t('Nudges wait in their views meanwhile'),
    });
    if (picked) nudges.snooze({ kind: ALL_KINDS }, picked.until);
  }
  await nudges.flushed();
}

/** An explicit minutes argument (keybindings, tests) skips the picker. */
export async function startFocus(nudges: NudgeController, clock: Clock, minutes?: number): Promise<boolean> {
  const chosen = minutes === undefined ? await pickFocusMinutes(nudges, clock) : sanitizeFocusMinutes(minutes);
  if (chosen === undefined) return false;
  nudges.startFocus(clock.now() + chosen * 60_000);
  await nudges.flushed();
  return true;
}

export async function stopFocus(nudges: NudgeController): Promise<void> {
  nudges.stopFocus();
  await nudges.flushed();
}

async function pickFocusMinutes(nudges: NudgeController, clock: Clock): Promise<number | undefined> {
  const configured = vscode.workspace.getConfiguration('multiplier').get<unknown>('focus.defaultMinutes');
  const now = clock.now();
  const zone = nudges.settings().timeZone;
  const items = focusDurationChoices(configured).map((minutes, index) => ({
    label: describeMinutes(minutes),
    description:
      index === 0
        ? vscode.l10n.t('until {0} (default)', describeInstant(now + minutes * 60_000, now, zone))
        : vscode.l10n.t('until {0}', describeInstant(now + minutes * 60_000, now, zone)),
    minutes,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: nudges.isFocusActive() ? vscode.l10n.t('Restart the focus block') : vscode.l10n.t('Start a focus block'),
    placeHolder: vscode.l10n.t('No nudge interrupts you during the block; they wait in their views'),
  });
  return picked?.minutes;
}
