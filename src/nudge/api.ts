/**
 * The one nudge scheduler's public contract. Every capability that wants to tell the user
 * something asks here first; quiet hours, focus, review windows, rate limits, snooze and
 * "never for this kind" are decided once, in src/nudge/policy.ts. Pure: no `vscode` import.
 */
import type { Event } from '../core/event';

/** Dotted, capability-prefixed kind, e.g. 'review.reminder', 'coach.long-uncommitted'. */
export type NudgeKind = string;

export interface NudgeRequest {
  /** "Never for this kind" and kind-level snooze match this exactly. */
  kind: NudgeKind;
  /** One occurrence (a PR url, a signal instance); a snooze can target it alone. */
  id: string;
  /** One line, plain text (never Markdown). */
  title: string;
  /** One line, plain text: why it appeared, e.g. "3 reviews wait on you; the oldest for 26 business hours". */
  why: string;
  /** The capability would like a notification; policy may still keep it in the view. */
  wantsToast: boolean;
  /** What the kind is about, lower case, for feedback: "repeated failures". Defaults to the kind. */
  kindLabel?: string;
  /** Toast only inside a review window, as `review.*` kinds do (e.g. the offer of a retro). */
  onlyInReviewWindow?: boolean;
}

/** 'view': show it in the capability's own view only. 'suppressed': muted or snoozed, show nowhere. */
export type NudgeChannel = 'toast' | 'view' | 'suppressed';

export interface NudgeDecision {
  channel: NudgeChannel;
  /** Short, user-readable: 'quiet hours', 'focus block until 14:00', 'rate limit: 4 toasts today'… */
  reason: string;
}

/** Persisted state. Times are epoch milliseconds. */
export interface NudgePolicyState {
  /** kind → snoozed until. The kind ALL_KINDS snoozes every kind. */
  snoozedKinds: Record<string, number>;
  /** occurrence id → snoozed until. */
  snoozedIds: Record<string, number>;
  neverKinds: string[];
  focusUntil?: number;
  /** When toasts were shown (kept for about two days, for the rate limit). */
  toastLog: number[];
}

import type { WallTime } from '../core/time/wallclock';
import type { DeepWorkWeek } from './model/deepWork/summary';
export type { WallTime } from '../core/time/wallclock';
export type { DeepWorkWeek } from './model/deepWork/summary';

export interface NudgeSettings {
  toastsEnabled: boolean;
  /** Never toast inside; may wrap midnight (default 18:30–09:00). start === end means none. */
  quietHours: { start: WallTime; end: WallTime };
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: number[];
  workingHours: { start: WallTime; end: WallTime };
  maxToastsPerDay: number;
  minMinutesBetweenToasts: number;
  /** 'review.*' kinds toast only inside one of these windows (start times). */
  reviewWindows: WallTime[];
  reviewWindowMinutes: number;
  /** IANA zone, e.g. 'Europe/Berlin'; undefined = the machine's local zone. */
  timeZone?: string;
}

/** Snoozing this kind snoozes every nudge ("Snooze All Nudges…"). */
export const ALL_KINDS = '*';

/** What to snooze: one kind (or ALL_KINDS), or one occurrence. */
export type NudgeTarget = { kind: NudgeKind } | { id: string };

export interface NudgeOutcome {
  decision: NudgeDecision;
  /** The capability action the user clicked on the toast, if any (never the snooze/never buttons). */
  action?: string;
}

/** What the nudge capability offers every other capability (implemented by NudgeController). */
export interface NudgeApi {
  /** The decision without side effects (use it to decide what a view shows). */
  decide(req: NudgeRequest): NudgeDecision;
  /**
   * Decides and, for 'toast', shows a plain-text notification "title — why" with `actions`
   * plus Snooze 1 hour / Never for this kind (handled here). Resolves when the toast closes
   * (immediately for 'view' / 'suppressed') with the capability action chosen, if any.
   */
  notify(req: NudgeRequest, ...actions: string[]): Promise<NudgeOutcome>;
  snooze(target: NudgeTarget, untilMs: number): void;
  /** Ends a snooze early (Undo). */
  unsnooze(target: NudgeTarget): void;
  never(kind: NudgeKind): void;
  /** Un-mutes one kind, or every kind when omitted. */
  resetNever(kind?: NudgeKind): void;
  /** The kinds muted with "Never for this kind", for views that list them with an un-mute. */
  mutedKinds(): readonly NudgeKind[];
  isFocusActive(): boolean;
  /** End of the current focus block, or undefined when none is active. */
  focusUntil(): number | undefined;
  /** Why capabilities should keep quiet now ('focus block until 14:00', 'quiet hours'), or undefined. */
  quietReason(): string | undefined;
  /**
   * This week's deep work (the open stretch included once it counts) and its summary as a Markdown
   * note; undefined when the meter is turned off (`multiplier.deepWork.enabled`).
   */
  deepWork(): { week: DeepWorkWeek; markdown: string } | undefined;
  /** The settings in force (working days and hours, quiet hours), read once per change. */
  readonly settings: () => NudgeSettings;
  /**
   * Fires after any state change (snooze, never, focus, toast), when settings change, and when
   * focus ends or quiet hours start or end (one timer, armed by the first subscription).
   */
  readonly onDidChange: Event<void>;
}
