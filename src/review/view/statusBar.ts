/**
 * The one status item: `$(git-pull-request) N · oldest wait`, warning-coloured past the target,
 * calm during focus and quiet hours. Also offers the reminder to the nudge scheduler.
 */
import * as vscode from 'vscode';
import type { CoreServices } from '../../core/services';
import type { ReviewQueueController } from '../controller';
import { reminderRequest, statusView } from '../policy/statusText';

const LAST_REMINDER_KEY = 'multiplier.review.lastReminderAt';
export const OPEN_QUEUE_ACTION = 'Open Queue';

export class ReviewStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('multiplier.review.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subs: vscode.Disposable[] = [];

  constructor(
    private readonly services: CoreServices,
    private readonly controller: ReviewQueueController,
  ) {
    this.item.name = 'Multiplier Review Queue';
    this.item.command = 'multiplier.reviewQueue.focus';
    this.subs.push(controller.onDidChange(() => this.render()));
    const nudgeSub = services.nudges.onDidChange(() => this.render());
    this.subs.push({ dispose: () => nudgeSub.dispose() });
    this.render();
  }

  render(): void {
    const settings = this.controller.reviewSettings();
    const stale =
      this.controller.status === 'offline' || this.controller.status === 'rateLimited'
        ? `Showing ${this.controller.describeState()}.`
        : undefined;
    const view = statusView({
      queue: this.controller.queue,
      targetHours: settings.targetHours,
      hideWhenEmpty: settings.statusBarHideWhenEmpty,
      quietReason: this.services.nudges.quietReason(),
      staleNote: stale,
    });
    this.item.text = view.text;
    this.item.tooltip = view.tooltip; // our own words and numbers only
    this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: view.tooltip.split('\n')[0] };
    if (view.visible) this.item.show();
    else this.item.hide();
    this.maybeRemind();
  }

  /** Offers a reminder; the scheduler decides about review windows, quiet hours and focus. */
  private maybeRemind(): void {
    if (this.controller.status !== 'ready') return;
    const state = this.services.context.globalState;
    const now = Date.now();
    const req = reminderRequest(this.controller.queue, now, state.get<number>(LAST_REMINDER_KEY));
    if (!req || this.services.nudges.decide(req).channel !== 'toast') return;
    void state.update(LAST_REMINDER_KEY, now);
    void this.services.nudges.notify(req, OPEN_QUEUE_ACTION).then((outcome) => {
      if (outcome.action === OPEN_QUEUE_ACTION) void vscode.commands.executeCommand('multiplier.reviewQueue.focus');
    });
  }

  dispose(): void {
    for (const s of this.subs.splice(0)) s.dispose();
    this.item.dispose();
  }
}
