/**
 * The scheduler's persistent state as a pure reducer: every change is an action, so the
 * scheduler, its tests and a future sync all change state the same way.
 */
import type { NudgeKind, NudgePolicyState, NudgeTarget } from '../api';

/** Toasts older than this no longer matter to any rate limit (a day, plus zone slack). */
const TOAST_LOG_KEEP_MS = 48 * 60 * 60 * 1000;
/** A bound on the log so a clock gone wild cannot grow storage without limit. */
const TOAST_LOG_MAX = 200;

export type NudgeAction =
  | { type: 'snooze'; target: NudgeTarget; until: number }
  /** Ends a snooze early (Undo); a snooze of every kind is ended by its own target. */
  | { type: 'unsnooze'; target: NudgeTarget }
  | { type: 'never'; kind: NudgeKind }
  /** Un-mutes one kind, or every kind when `kind` is omitted. */
  | { type: 'unmute'; kind?: NudgeKind }
  | { type: 'recordToast'; at: number }
  | { type: 'startFocus'; until: number }
  | { type: 'stopFocus' };

export function emptyNudgeState(): NudgePolicyState {
  return { snoozedKinds: {}, snoozedIds: {}, neverKinds: [], toastLog: [] };
}

/**
 * Applies `action` at time `now` and drops whatever has expired (past snoozes, finished focus,
 * old toasts). Never mutates `state`.
 */
export function reduceNudgeState(state: NudgePolicyState, action: NudgeAction, now: number): NudgePolicyState {
  const next: NudgePolicyState = {
    snoozedKinds: { ...state.snoozedKinds },
    snoozedIds: { ...state.snoozedIds },
    neverKinds: [...state.neverKinds],
    focusUntil: state.focusUntil,
    toastLog: [...state.toastLog],
  };
  switch (action.type) {
    case 'snooze':
      if ('kind' in action.target) {
        next.snoozedKinds[action.target.kind] = action.until;
      } else {
        next.snoozedIds[action.target.id] = action.until;
      }
      break;
    case 'unsnooze':
      if ('kind' in action.target) {
        delete next.snoozedKinds[action.target.kind];
      } else {
        delete next.snoozedIds[action.target.id];
      }
      break;
    case 'never':
      if (!next.neverKinds.includes(action.kind)) {
        next.neverKinds.push(action.kind);
      }
      break;
    case 'unmute':
      next.neverKinds = action.kind === undefined ? [] : next.neverKinds.filter((k) => k !== action.kind);
      break;
    case 'recordToast':
      next.toastLog.push(action.at);
      break;
    case 'startFocus':
      next.focusUntil = action.until;
      break;
    case 'stopFocus':
      next.focusUntil = undefined;
      break;
  }
  return pruneNudgeState(next, now);
}

/** Removes what no longer affects any decision at `now`. */
export function pruneNudgeState(state: NudgePolicyState, now: number): NudgePolicyState {
  const live = (record: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(record).filter(([, until]) => until > now));
  const pruned: NudgePolicyState = {
    snoozedKinds: live(state.snoozedKinds),
    snoozedIds: live(state.snoozedIds),
    neverKinds: state.neverKinds,
    toastLog: state.toastLog
      .filter((t) => t > now - TOAST_LOG_KEEP_MS)
      .sort((a, b) => a - b)
      .slice(-TOAST_LOG_MAX),
  };
  if (state.focusUntil !== undefined && state.focusUntil > now) {
    pruned.focusUntil = state.focusUntil;
  }
  return pruned;
}

/**
 * Reads a stored value back into state. Anything malformed is rejected whole (with the reason),
 * because a half-trusted snooze table is worse than an empty one.
 */
export function parseNudgeState(raw: unknown): { state: NudgePolicyState; problem?: string } {
  if (raw === undefined || raw === null) {
    return { state: emptyNudgeState() };
  }
  const problem = describeProblem(raw);
  if (problem) {
    return { state: emptyNudgeState(), problem };
  }
  const value = raw as NudgePolicyState;
  const state: NudgePolicyState = {
    snoozedKinds: { ...value.snoozedKinds },
    snoozedIds: { ...value.snoozedIds },
    neverKinds: [...value.neverKinds],
    toastLog: [...value.toastLog],
  };
  if (value.focusUntil !== undefined) {
    state.focusUntil = value.focusUntil;
  }
  return { state };
}

function describeProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return 'not an object';
  }
  const value = raw as Record<string, unknown>;
  const isTime = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
  const isTimeTable = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isTime);
  if (!isTimeTable(value.snoozedKinds)) return 'snoozedKinds is not a table of times';
  if (!isTimeTable(value.snoozedIds)) return 'snoozedIds is not a table of times';
  if (!Array.isArray(value.neverKinds) || !value.neverKinds.every((k) => typeof k === 'string')) {
    return 'neverKinds is not a list of strings';
  }
  if (!Array.isArray(value.toastLog) || !value.toastLog.every(isTime)) return 'toastLog is not a list of times';
  if (value.focusUntil !== undefined && !isTime(value.focusUntil)) return 'focusUntil is not a time';
  return undefined;
}
