/** The deep-work meter's command: the week at a glance, with what to do about it. */
import * as vscode from 'vscode';
import type { NudgeController } from './controller';
import { formatDuration, interruptionsText } from './model/deepWork/summary';

type Item = vscode.QuickPickItem & { run?: () => Thenable<unknown> };

export async function showDeepWorkSummary(nudges: NudgeController): Promise<void> {
  const deepWork = nudges.deepWork();
  if (!deepWork) {
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('The deep-work meter is turned off.'),
      vscode.l10n.t('Turn It On'),
    );
    if (choice) await vscode.workspace.getConfiguration('multiplier.deepWork').update('enabled', true, vscode.ConfigurationTarget.Global);
    return;
  }
  const { week } = deepWork;
  const items: Item[] = [
    { label: vscode.l10n.t('This week'), kind: vscode.QuickPickItemKind.Separator },
    ...week.days
      .filter((day) => day.minutes > 0)
      .map((day) => ({ label: `${day.label} ${day.dayKey.slice(5)}`, description: formatDuration(day.minutes) })),
    {
      label:
        week.stretches === 0
          ? vscode.l10n.t('No stretch of 25 minutes or more yet')
          : vscode.l10n.t('Longest stretch: {0}', formatDuration(week.longestMinutes)),
      description: week.stretches === 1 ? vscode.l10n.t('1 stretch') : vscode.l10n.t('{0} stretches', week.stretches),
    },
    { label: interruptionsText(week) },
    { label: vscode.l10n.t('Actions'), kind: vscode.QuickPickItemKind.Separator },
    {
      label: `$(notebook) ${vscode.l10n.t('Add this week to Growth Notes')}`,
      detail: vscode.l10n.t("Updates this week's deep-work note if there is one."),
      run: () => vscode.commands.executeCommand('multiplier.notes.addDeepWorkSummary'),
    },
    { label: `$(eye-closed) ${vscode.l10n.t('Start a focus block')}`, run: () => vscode.commands.executeCommand('multiplier.focus.start') },
    {
      label: `$(settings-gear) ${vscode.l10n.t('Change the weekly goal or turn the meter off')}`,
      run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'multiplier.deepWork'),
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Deep work this week: {0} of {1}', formatDuration(week.minutes), formatDuration(week.goalMinutes)),
    placeHolder: vscode.l10n.t('Measured from your editing and debugging on this machine; nothing leaves it'),
  });
  await picked?.run?.();
}
