/**
 * The one status item: `$(git-pull-request) N · oldest wait`, warning-coloured past the target,
 * calm during focus and quiet hours. Also offers the reminder to the nudge scheduler.
 *
 * Nothing happens at activation: the item is created, and the nudge clock watched, on the
 * queue's first change (its first poll), so start-up builds no formatter and renders nothing
 * that has nothing to show yet.
 */
import * as vscode from 'vscode';
import type { Clock } from '../../core/clock';
import type { StateStore } from '../../core/echoSafeState';
import type { NudgeApi } from '../../nudge/api';
import type { ReviewController } from '../controller';
import { reminderRequest, statusView } from '../policy/statusText';

const LAST_REMINDER_KEY = 'multiplier.review.lastReminderAt';

export interface StatusItemDeps {
  controller: ReviewController;
  nudges: NudgeApi;
  clock: Clock;
  memento: StateStore;
}

export class ReviewStatusItem implements vscode.Disposable {
  private item: vscode.StatusBarItem | undefined;
  private readonly subs: { dispose(): void }[] = [];

  constructor(private readonly deps: StatusItemDeps) {
    this.subs.push(deps.controller.onDidChange(() => this.render()));
  }

  render(): void {
    const { controller, nudges } = this.deps;
    const item = this.item ?? this.create();
    const settings = controller.reviewSettings();
    const stale =
      controller.status === 'offline' || controller.status === 'rateLimited'
        ? vscode.l10n.t('Showing {0}.', controller.describeState() ?? '')
        : undefined;
    const view = statusView({
      queue: controller.queue,
      targetHours: settings.targetHours,
      hideWhenEmpty: settings.statusBarHideWhenEmpty,
      quietReason: nudges.quietReason(),
      staleNote: stale,
    });
    item.text = view.text;
    item.tooltip = view.tooltip; // our own words and numbers only
    item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.accessibilityInformation = { label: view.tooltip.split('\n')[0] };
    if (view.visible) item.show();
    else item.hide();
    this.maybeRemind();
  }

  private create(): vscode.StatusBarItem {
    const item = vscode.window.createStatusBarItem('multiplier.review.status', vscode.StatusBarAlignment.Left, 50);
    item.name = vscode.l10n.t('Multiplier Review Queue');
    item.command = 'multiplier.reviewQueue.focus';
    this.item = item;
    // Quiet hours and focus change the colour: follow them from now on.
    this.subs.push(this.deps.nudges.onDidChange(() => this.render()));
    return item;
  }

  /** Offers a reminder; the scheduler decides about review windows, quiet hours and focus. */
  private maybeRemind(): void {
    const { controller, nudges, memento, clock } = this.deps;
    if (controller.status !== 'ready') return;
    const now = clock.now();
    const req = reminderRequest(controller.queue, now, memento.get<number>(LAST_REMINDER_KEY));
    if (!req || nudges.decide(req).channel !== 'toast') return;
    void memento.update(LAST_REMINDER_KEY, now);
    const open = vscode.l10n.t('Open Queue');
    void nudges.notify(req, open).then((outcome) => {
      if (outcome.action === open) void vscode.commands.executeCommand('multiplier.reviewQueue.focus');
    });
  }

  dispose(): void {
    for (const s of this.subs.splice(0)) s.dispose();
    this.item?.dispose();
  }
}
