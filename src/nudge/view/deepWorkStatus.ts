import * as vscode from 'vscode';
import type { Clock, Timer } from '../../core/clock';
import type { DeepWorkMeter } from '../deepWorkMeter';
import type { NudgeController } from '../controller';
import { deepWorkDefinition, formatDeepTime, goalText, interruptionsText } from '../model/deepWork/summary';
import { paceOf } from '../policy/deepWorkPace';

/** Long enough after activation that the first read of local storage never slows start-up. */
const FIRST_SHOW_MS = 1_500;

/**
 * "Deep work this week: 11 h / 20 h" in the status bar, while the meter is on. It refreshes when
 * the meter says the figure may read differently (at most once a minute while working).
 */
export class DeepWorkStatus implements vscode.Disposable {
  private item: vscode.StatusBarItem | undefined;
  private readonly first: Timer;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly meter: DeepWorkMeter,
    private readonly nudges: NudgeController,
    private readonly clock: Clock,
  ) {
    this.first = clock.after(FIRST_SHOW_MS, () => this.refresh());
    this.subscription = meter.onDidChange(() => this.refresh());
  }

  /** The text shown now, for tests; undefined while hidden. */
  get text(): string | undefined {
    return this.item?.text && this.shown ? this.item.text : undefined;
  }

  private shown = false;

  refresh(): void {
    const week = this.meter.week();
    if (!week) {
      this.item?.hide();
      this.shown = false;
      return;
    }
    const item = (this.item ??= this.createItem());
    item.text = `$(watch) ${vscode.l10n.t('Deep work this week: {0}', goalText(week))}`;
    const pace = paceOf(week, this.clock.now(), this.nudges.settings(), this.meter.measuringSince());
    const paceLine = pace.behind
      ? vscode.l10n.t('Behind an even pace toward the goal ({0} by now): a focus block helps.', formatDeepTime(pace.expectedMinutes))
      : week.minutes >= week.goalMinutes
        ? vscode.l10n.t('Goal reached this week.')
        : vscode.l10n.t('An even pace toward the goal would be {0} by now.', formatDeepTime(pace.expectedMinutes));
    item.tooltip = [
      week.stretches === 1
        ? vscode.l10n.t('Deep work this week: {0} in 1 stretch.', goalText(week))
        : vscode.l10n.t('Deep work this week: {0} in {1} stretches.', goalText(week), week.stretches),
      paceLine,
      interruptionsText(week),
      '',
      deepWorkDefinition(),
      vscode.l10n.t('Click for the week, to add it to Growth Notes, or to start a focus block.'),
    ].join('\n');
    item.accessibilityInformation = { label: vscode.l10n.t('Deep work this week: {0}', goalText(week)) };
    item.show();
    this.shown = true;
  }

  private createItem(): vscode.StatusBarItem {
    const item = vscode.window.createStatusBarItem('multiplier.deepWork', vscode.StatusBarAlignment.Left, -1);
    item.name = vscode.l10n.t('Multiplier Deep Work');
    item.command = 'multiplier.deepWork.showSummary';
    return item;
  }

  dispose(): void {
    this.first.dispose();
    this.subscription.dispose();
    this.item?.dispose();
  }
}
