/** The deep-work meter's command: the week at a glance, with what to do about it. */
import * as vscode from 'vscode';
import type { NudgeController } from './controller';
import { formatDuration, interruptionsText } from './model/deepWork/summary';

type Item = vscode.QuickPickItem & { run?: () => Thenable<unknown> };

export async function showDeepWorkSummary(nudges: NudgeController): Promise<void> {
  const deepWork = nudges.deepWork();
  if (!deepWork) {
    const choice = await vscode.window.showInformationMessage('The deep-work meter is turned off.', 'Turn It On');
    if (choice) await vscode.workspace.getConfiguration('multiplier.deepWork').update('enabled', true, vscode.ConfigurationTarget.Global);
    return;
  }
  const { week } = deepWork;
  const items: Item[] = [
    { label: 'This week', kind: vscode.QuickPickItemKind.Separator },
    ...week.days
      .filter((day) => day.minutes > 0)
      .map((day) => ({ label: `${day.label} ${day.dayKey.slice(5)}`, description: formatDuration(day.minutes) })),
    {
      label: week.stretches === 0 ? 'No stretch of 25 minutes or more yet' : `Longest stretch: ${formatDuration(week.longestMinutes)}`,
      description: `${week.stretches} ${week.stretches === 1 ? 'stretch' : 'stretches'}`,
    },
    { label: interruptionsText(week) },
    { label: 'Actions', kind: vscode.QuickPickItemKind.Separator },
    {
      label: '$(notebook) Add this week to Growth Notes',
      detail: "Updates this week's deep-work note if there is one.",
      run: () => vscode.commands.executeCommand('multiplier.notes.addDeepWorkSummary'),
    },
    { label: '$(eye-closed) Start a focus block', run: () => vscode.commands.executeCommand('multiplier.focus.start') },
    {
      label: '$(settings-gear) Change the weekly goal or turn the meter off',
      run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'multiplier.deepWork'),
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Deep work this week: ${formatDuration(week.minutes)} of ${formatDuration(week.goalMinutes)}`,
    placeHolder: 'Measured from your editing and debugging on this machine; nothing leaves it',
  });
  await picked?.run?.();
}
