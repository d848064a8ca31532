/**
 * The deep-work meter: the user's own focused time this week, measured from editor activity on
 * this machine only (model/deepWork/tracker.ts has the definition). It keeps completed stretches
 * and the toasts Multiplier showed (its own interruptions) in local storage for eight weeks, and
 * when the week falls behind its goal it suggests a focus block through the one nudge scheduler.
 * No `vscode` import: the editor layer feeds it activities and shows what it says.
 */
import type { Clock, Timer } from '../core/clock';
import { Emitter, type Event } from '../core/event';
import type { NudgeRequest, NudgeSettings } from './api';
import { summarizeWeek, type DeepWorkWeek } from './model/deepWork/summary';
import {
  type Activity,
  emptyTracker,
  flush,
  liveStretch,
  MINUTE,
  observe,
  type Stretch,
  type TrackerState,
} from './model/deepWork/tracker';
import { dayKeyOf, weekEndOf } from './model/deepWork/week';
import { focusSuggestion, paceOf } from './policy/deepWorkPace';
import type { JsonStoragePort } from './policy/scheduler';

/** Versioned, like the scheduler's state. */
export const DEEP_WORK_STATE_KEY = 'multiplier.deepWork.v1';
const KEEP_MS = 8 * 7 * 24 * 60 * MINUTE;
const MAX_ENTRIES = 2_000;
/** How often, at most, the pace is checked while the user works. */
const PACE_CHECK_MS = 30 * MINUTE;
/** A stretch this far along is flow worth protecting: the suggestion waits for a break. */
const FLOW_MS = 5 * MINUTE;

export interface DeepWorkSettings {
  enabled: boolean;
  goalHours: number;
}

interface StoredState {
  stretches: Stretch[];
  /** When Multiplier showed a toast. */
  interruptions: number[];
  /** The day (YYYY-MM-DD) a focus block was last suggested by a toast. */
  suggestedDay?: string;
  /** When the meter first saw activity on this machine: the pace counts from there. */
  since?: number;
}

export interface DeepWorkMeterOptions {
  clock: Clock;
  storage: JsonStoragePort;
  nudgeSettings: () => NudgeSettings;
  settings: () => DeepWorkSettings;
  /** Shows the suggestion through the scheduler; returns whether it became a toast. */
  suggest(request: NudgeRequest): boolean;
}

export class DeepWorkMeter {
  private tracker: TrackerState = emptyTracker();
  private shownMinutes = -1;
  private lastPaceCheck = -Infinity;
  private weekTimer: Timer | undefined;
  private since: number | undefined;
  private readonly changed = new Emitter<void>();
  /** Fires when this week's figure may read differently: a minute more, a stretch done, a new week. */
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(private readonly options: DeepWorkMeterOptions) {}

  get enabled(): boolean {
    return this.options.settings().enabled;
  }

  observe(activity: Activity): void {
    if (!this.enabled) return;
    if (this.since === undefined) {
      const stored = this.load().since;
      this.since = stored ?? activity.at;
      if (stored === undefined) this.save({ ...this.load(), since: activity.at });
    }
    const result = observe(this.tracker, activity);
    this.tracker = result.state;
    if (result.completed) this.keep(result.completed);
    const live = liveStretch(this.tracker, activity.at);
    const minutes = live ? Math.floor((live.end - live.start) / MINUTE) : 0;
    if (result.completed || minutes !== this.shownMinutes) {
      this.shownMinutes = minutes;
      this.changed.fire();
    }
    if (activity.kind !== 'away' && activity.kind !== 'switch') this.checkPace(activity.at);
  }

  /** A toast Multiplier showed: recorded beside the deep work it may have broken. */
  recordInterruption(at: number): void {
    if (!this.enabled) return;
    const state = this.load();
    this.save({ ...state, interruptions: [...state.interruptions, at] });
    this.changed.fire();
  }

  /** When measuring began (the first activity seen on this machine), for the pace. */
  measuringSince(): number | undefined {
    return this.since ?? this.load().since;
  }

  /** This week so far, the open stretch included once it counts; undefined when the meter is off. */
  week(): DeepWorkWeek | undefined {
    if (!this.enabled) return undefined;
    const now = this.options.clock.now();
    const state = this.load();
    const zone = this.options.nudgeSettings().timeZone;
    this.armWeekTimer(now, zone);
    return summarizeWeek({
      stretches: state.stretches,
      live: liveStretch(this.tracker, now),
      interruptions: state.interruptions,
      now,
      timeZone: zone,
      goalHours: this.options.settings().goalHours,
    });
  }

  /** Settings changed (goal, on/off, time zone): turning off closes the open stretch. */
  settingsChanged(): void {
    if (!this.enabled) this.close();
    this.changed.fire();
  }

  /** The clock was set to another instant (tests): the week may be another. */
  clockJumped(): void {
    this.changed.fire();
  }

  /** Closes the open stretch at its last activity and keeps it (the window closes). */
  close(): void {
    const result = flush(this.tracker);
    this.tracker = result.state;
    if (result.completed) this.keep(result.completed);
  }

  dispose(): void {
    this.close();
    this.weekTimer?.dispose();
    this.changed.dispose();
  }

  private armWeekTimer(now: number, zone: string | undefined): void {
    if (this.weekTimer) return;
    // Monday 00:00 starts a new week at zero; one timer, re-armed when it fires.
    this.weekTimer = this.options.clock.at(weekEndOf(now, zone), () => {
      this.weekTimer = undefined;
      this.changed.fire();
    });
  }

  private checkPace(now: number): void {
    const open = this.tracker.open;
    if (open && open.last - open.start >= FLOW_MS) return;
    if (now - this.lastPaceCheck < PACE_CHECK_MS && now >= this.lastPaceCheck) return;
    this.lastPaceCheck = now;
    const settings = this.options.nudgeSettings();
    const today = dayKeyOf(now, settings.timeZone);
    if (this.load().suggestedDay === today) return;
    const week = this.week();
    if (!week) return;
    const pace = paceOf(week, now, settings, this.measuringSince());
    if (!pace.behind) return;
    // Once a day by toast; while the scheduler keeps it in the view (quiet hours, focus, rate
    // limit), it is asked again at the next check.
    if (this.options.suggest(focusSuggestion(week, pace, today))) this.save({ ...this.load(), suggestedDay: today });
  }

  private keep(stretch: Stretch): void {
    const state = this.load();
    this.save({ ...state, stretches: [...state.stretches, stretch] });
  }

  private load(): StoredState {
    return parseDeepWorkState(this.options.storage.get(DEEP_WORK_STATE_KEY));
  }

  private save(state: StoredState): void {
    const horizon = this.options.clock.now() - KEEP_MS;
    const pruned: StoredState = {
      stretches: state.stretches.filter((s) => s.end >= horizon).slice(-MAX_ENTRIES),
      interruptions: state.interruptions.filter((at) => at >= horizon).slice(-MAX_ENTRIES),
      ...(state.suggestedDay ? { suggestedDay: state.suggestedDay } : {}),
      ...(state.since !== undefined ? { since: state.since } : {}),
    };
    void Promise.resolve(this.options.storage.set(DEEP_WORK_STATE_KEY, pruned)).catch(() => undefined);
  }
}

/** Reads stored state back; anything malformed is dropped entry by entry, never trusted. */
export function parseDeepWorkState(raw: unknown): StoredState {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const time = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  const stretches = Array.isArray(value.stretches)
    ? value.stretches.filter(
        (s): s is Stretch =>
          typeof s === 'object' &&
          s !== null &&
          time((s as Stretch).start) &&
          time((s as Stretch).end) &&
          (s as Stretch).end >= (s as Stretch).start,
      )
    : [];
  const interruptions = Array.isArray(value.interruptions) ? value.interruptions.filter(time) : [];
  const suggestedDay =
    typeof value.suggestedDay === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.suggestedDay) ? value.suggestedDay : undefined;
  return {
    stretches: stretches.map((s) => ({ start: s.start, end: s.end })),
    interruptions,
    ...(suggestedDay ? { suggestedDay } : {}),
    ...(time(value.since) ? { since: value.since } : {}),
  };
}
