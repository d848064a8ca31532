/**
 * The scheduler: policy plus state plus persistence, behind an injected clock, storage port and
 * settings provider, so the same object runs in the extension and in a simulated workday.
 */
import * as l10n from '@vscode/l10n';
import { Emitter, type Event } from '../../core/event';
import type { NudgeDecision, NudgeKind, NudgePolicyState, NudgeRequest, NudgeSettings, NudgeTarget } from '../api';
import { decide } from './policy';
import { nextQuietBoundary } from './quietBoundary';
import { parseNudgeState, pruneNudgeState, reduceNudgeState, type NudgeAction } from './state';
import { describeInstant, inWallRange, parseWallTime, wallClockAt } from '../../core/time/wallclock';

/** Versioned: a future shape gets a new key instead of misreading this one. */
export const NUDGE_STATE_KEY = 'multiplier.nudge.v1';

/** JSON get/set; in the extension it is the global state (core/vscode/globalState.ts). */
export interface JsonStoragePort {
  get(key: string): unknown;
  set(key: string, value: unknown): void | PromiseLike<void>;
}

export interface NudgeSchedulerOptions {
  clock: () => number;
  storage: JsonStoragePort;
  settings: () => NudgeSettings;
  warn?: (message: string) => void;
}

export class NudgeScheduler {
  private readonly changed = new Emitter<void>();
  /** The last stored value read and its parse: a memento hands back the same object until it changes. */
  private lastRaw: unknown = Symbol('nothing read yet');
  private lastParsed: NudgePolicyState | undefined;
  private pendingWrite: Promise<void> = Promise.resolve();

  /** Fires after any state change and after settingsChanged(). */
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(private readonly options: NudgeSchedulerOptions) {}

  /** A snapshot of the state, with anything expired dropped. */
  get state(): NudgePolicyState {
    return pruneNudgeState(this.load(), this.options.clock());
  }

  decide(req: NudgeRequest): NudgeDecision {
    return decide(req, this.options.clock(), this.load(), this.options.settings());
  }

  /** Decides and, when the answer is a toast, records it so the rate limit counts it. */
  notify(req: NudgeRequest): NudgeDecision {
    const now = this.options.clock();
    const decision = decide(req, now, this.load(), this.options.settings());
    if (decision.channel === 'toast') {
      this.apply({ type: 'recordToast', at: now });
    }
    return decision;
  }

  snooze(target: NudgeTarget, until: number): void {
    this.apply({ type: 'snooze', target, until });
  }

  unsnooze(target: NudgeTarget): void {
    this.apply({ type: 'unsnooze', target });
  }

  never(kind: NudgeKind): void {
    this.apply({ type: 'never', kind });
  }

  /** Un-mutes one kind, or all kinds when omitted. */
  unmute(kind?: NudgeKind): void {
    this.apply({ type: 'unmute', kind });
  }

  startFocus(until: number): void {
    this.apply({ type: 'startFocus', until });
  }

  stopFocus(): void {
    this.apply({ type: 'stopFocus' });
  }

  focusUntil(): number | undefined {
    const until = this.load().focusUntil;
    return until !== undefined && until > this.options.clock() ? until : undefined;
  }

  isFocusActive(): boolean {
    return this.focusUntil() !== undefined;
  }

  /** Why capabilities should keep quiet right now, or undefined. */
  quietReason(): string | undefined {
    const now = this.options.clock();
    const settings = this.options.settings();
    const focus = this.focusUntil();
    if (focus !== undefined) {
      return l10n.t('focus block until {0}', describeInstant(focus, now, settings.timeZone));
    }
    const { start, end } = settings.quietHours;
    const minute = wallClockAt(now, settings.timeZone).minuteOfDay;
    return inWallRange(minute, parseWallTime(start), parseWallTime(end)) ? l10n.t('quiet hours') : undefined;
  }

  /** Call when settings change: listeners re-ask their questions. */
  settingsChanged(): void {
    this.changed.fire();
  }

  /** When quietReason() may next change by the clock alone (focus end, quiet hours start or end). */
  nextQuietBoundary(): number | undefined {
    return nextQuietBoundary(this.options.clock(), this.load(), this.options.settings());
  }

  /** Call when the clock passed nextQuietBoundary(): listeners re-ask their questions. */
  boundaryPassed(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  /**
   * Reads through to storage every time (a memento read is an in-memory lookup): another window
   * sharing globalState may have muted a kind or shown a toast since our last look.
   */
  private load(): NudgePolicyState {
    const raw = this.options.storage.get(NUDGE_STATE_KEY);
    if (raw === this.lastRaw && this.lastParsed && typeof raw === 'object') {
      return this.lastParsed;
    }
    const { state, problem } = parseNudgeState(raw);
    this.lastRaw = raw;
    this.lastParsed = state;
    if (problem) {
      this.options.warn?.(`nudge state in ${NUDGE_STATE_KEY} was unreadable (${problem}); reset to empty`);
      this.persist(state);
    }
    return state;
  }

  private apply(action: NudgeAction): void {
    this.persist(reduceNudgeState(this.load(), action, this.options.clock()));
    this.changed.fire();
  }

  /** Resolves once every change so far reached storage (or failed and was logged). Never rejects. */
  flushed(): Promise<void> {
    return this.pendingWrite;
  }

  private persist(state: NudgePolicyState): void {
    const failed = (error: unknown): void => this.options.warn?.(`could not save nudge state: ${String(error)}`);
    try {
      const pending = this.options.storage.set(NUDGE_STATE_KEY, state);
      if (pending && typeof pending.then === 'function') {
        const write = Promise.resolve(pending).then(undefined, failed);
        this.pendingWrite = Promise.all([this.pendingWrite, write]).then(() => undefined);
      }
    } catch (error) {
      failed(error);
    }
  }
}
