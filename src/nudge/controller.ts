/**
 * The nudge capability's one stateful object: the scheduler's decisions, shown as toasts with
 * their Snooze / Never buttons, and one clock timer for the moments quiet hours or focus change.
 */
import * as vscode from 'vscode';
import type { Clock, Timer } from '../core/clock';
import { Emitter } from '../core/event';
import type { Logger } from '../core/vscode/logger';
import {
  type NudgeApi,
  type NudgeDecision,
  type NudgeKind,
  type NudgeOutcome,
  type NudgePolicyState,
  type NudgeRequest,
  type NudgeSettings,
  type NudgeTarget,
  type DeepWorkWeek,
} from './api';
import type { DeepWorkMeter } from './deepWorkMeter';
import { weekMarkdown } from './model/deepWork/summary';
import { labelOfKind, mutedText, snoozedText } from './policy/feedback';
import type { NudgeScheduler } from './policy/scheduler';
import { plainToastText } from './policy/toastText';

const HOUR_MS = 60 * 60 * 1000;

export class NudgeController implements NudgeApi, vscode.Disposable {
  readonly onDidChange: NudgeApi['onDidChange'];
  private boundaryTimer: Timer | undefined;
  private watchingClock = false;
  private readonly subscriptions: { dispose(): void }[] = [];
  private readonly toastShown = new Emitter<{ kind: NudgeKind; at: number }>();
  /** Fires when a toast is shown: the deep-work meter records Multiplier's own interruptions. */
  readonly onDidShowToast = this.toastShown.event;
  /** Set once by createNudgeController; the meter asks this controller to show its suggestion. */
  meter: DeepWorkMeter | undefined;

  constructor(
    private readonly scheduler: NudgeScheduler,
    private readonly clock: Clock,
    /** The current settings, for commands that offer times (snooze choices). */
    readonly settings: () => NudgeSettings,
    private readonly log: Logger,
  ) {
    // The clock timer starts with the first listener: nobody listening, no timer.
    this.onDidChange = (listener) => {
      const subscription = scheduler.onDidChange(listener);
      this.watchClock();
      return subscription;
    };
  }

  /** Fires onDidChange when focus ends or quiet hours start or end, re-arming after every change. */
  private watchClock(): void {
    if (this.watchingClock) return;
    this.watchingClock = true;
    const arm = (): void => {
      this.boundaryTimer?.dispose();
      const next = this.scheduler.nextQuietBoundary();
      if (next === undefined) return;
      // Capped at a day so a suspended laptop or a far boundary is re-checked.
      this.boundaryTimer = this.clock.at(Math.min(next + 250, this.clock.now() + 24 * HOUR_MS), () => this.scheduler.boundaryPassed());
    };
    this.subscriptions.push(
      this.scheduler.onDidChange(arm),
      // A jump (tests) may cross a boundary: say so, and re-arm from the new instant.
      this.clock.onDidJump(() => this.scheduler.boundaryPassed()),
    );
    arm();
  }

  decide(req: NudgeRequest): NudgeDecision {
    return this.scheduler.decide(req);
  }

  notify(req: NudgeRequest, ...actions: string[]): Promise<NudgeOutcome> {
    return this.show(req, ...actions).outcome;
  }

  /**
   * notify() in two parts: the decision at once (a toast is recorded before anything waits), and
   * the outcome when the toast closes.
   */
  show(req: NudgeRequest, ...actions: string[]): { decision: NudgeDecision; outcome: Promise<NudgeOutcome> } {
    const decision = this.scheduler.notify(req);
    if (decision.channel !== 'toast') {
      return { decision, outcome: Promise.resolve({ decision }) };
    }
    // Our two buttons always come last, so a capability cannot shadow them with its own label.
    const snoozeAction = vscode.l10n.t('Snooze 1 hour');
    const neverAction = vscode.l10n.t('Never for this kind');
    const own = actions.filter((a) => a !== snoozeAction && a !== neverAction);
    this.log.info(`nudge toast: ${req.kind}`);
    this.toastShown.fire({ kind: req.kind, at: this.clock.now() });
    const outcome = Promise.resolve(
      vscode.window.showInformationMessage(plainToastText(req.title, req.why), ...own, snoozeAction, neverAction),
    ).then((choice): NudgeOutcome => {
      if (choice === snoozeAction) {
        const now = this.clock.now();
        const until = now + HOUR_MS;
        this.scheduler.snooze({ kind: req.kind }, until);
        this.confirm(snoozedText(until, now, this.settings().timeZone, labelOfKind(req.kind, req.kindLabel)), () =>
          this.unsnooze({ kind: req.kind }),
        );
        return { decision };
      }
      if (choice === neverAction) {
        this.never(req.kind);
        this.confirm(mutedText(labelOfKind(req.kind, req.kindLabel)), () => this.resetNever(req.kind));
        return { decision };
      }
      return choice === undefined ? { decision } : { decision, action: choice };
    });
    return { decision, outcome };
  }

  /** Feedback for a toast's own buttons: what happened, with Undo. Not a nudge: it answers a click. */
  private confirm(text: string, undo: () => void): void {
    const undoAction = vscode.l10n.t('Undo');
    void vscode.window.showInformationMessage(text, undoAction).then((choice) => {
      if (choice === undoAction) {
        undo();
        this.log.info('nudge action undone');
      }
    });
  }

  snooze(target: NudgeTarget, untilMs: number): void {
    this.scheduler.snooze(target, untilMs);
  }

  unsnooze(target: NudgeTarget): void {
    this.scheduler.unsnooze(target);
  }

  mutedKinds(): readonly NudgeKind[] {
    return this.scheduler.state.neverKinds;
  }

  never(kind: NudgeKind): void {
    this.scheduler.never(kind);
    this.log.info(`nudge kind muted: ${kind}`);
  }

  resetNever(kind?: NudgeKind): void {
    this.scheduler.unmute(kind);
  }

  deepWork(): { week: DeepWorkWeek; markdown: string } | undefined {
    const week = this.meter?.week();
    return week && { week, markdown: weekMarkdown(week, this.settings().timeZone) };
  }

  isFocusActive(): boolean {
    return this.scheduler.isFocusActive();
  }

  focusUntil(): number | undefined {
    return this.scheduler.focusUntil();
  }

  quietReason(): string | undefined {
    return this.scheduler.quietReason();
  }

  /** Focus is started and stopped by the focus commands, not by other capabilities. */
  startFocus(untilMs: number): void {
    this.scheduler.startFocus(untilMs);
  }

  stopFocus(): void {
    this.scheduler.stopFocus();
  }

  /** The persisted state, for the nudge commands and integration tests. */
  get state(): NudgePolicyState {
    return this.scheduler.state;
  }

  /** Resolves when every change so far is saved; commands await it so a reload cannot lose a mute. */
  flushed(): Promise<void> {
    return this.scheduler.flushed();
  }

  settingsChanged(): void {
    this.scheduler.settingsChanged();
  }

  dispose(): void {
    this.meter?.dispose();
    this.toastShown.dispose();
    this.boundaryTimer?.dispose();
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.scheduler.dispose();
  }
}
