/**
 * The deep-work meter's definition, as a small state machine over editor activity. Pure.
 *
 * A **deep-work stretch** is at least 25 minutes of editing or debugging in one window (so in one
 * workspace), without a break. A stretch:
 * - starts with an edit or a debugging step (reading and moving around alone do not start one);
 * - stays alive through edits, debugging and moving around in the code;
 * - ends at the last activity before an idle gap longer than 10 minutes;
 * - ends when the window loses focus (the user went to another application or window);
 * - ends where a burst of context switches starts: 8 switches of the active editor among at
 *   least 4 different files within 2 minutes (hunting around, not working in one place).
 *
 * Stretches shorter than 25 minutes are not deep work and are dropped. The Pomodoro-sized
 * threshold follows the article's notion of uninterrupted blocks; it is a constant, not a setting.
 */

export const MINUTE = 60_000;
export const MIN_STRETCH_MS = 25 * MINUTE;
export const IDLE_GAP_MS = 10 * MINUTE;
export const BURST_WINDOW_MS = 2 * MINUTE;
export const BURST_SWITCHES = 8;
export const BURST_DISTINCT_FILES = 4;

/**
 * - `work`: an edit or a debugging step; starts or extends a stretch.
 * - `presence`: moving the cursor or scrolling in a file; extends a stretch, never starts one.
 * - `away`: the window lost focus.
 * - `switch`: another file became the active editor.
 */
export type Activity =
  | { at: number; kind: 'work' }
  | { at: number; kind: 'presence' }
  | { at: number; kind: 'away' }
  | { at: number; kind: 'switch'; file: string };

export interface Stretch {
  start: number;
  end: number;
}

/** What the tracker carries between activities; plain data so it can be inspected in tests. */
export interface TrackerState {
  /** The open stretch, if any: its start and its last activity. */
  open?: { start: number; last: number };
  /** Recent switches, oldest first, within the burst window. */
  switches: { at: number; file: string }[];
}

export function emptyTracker(): TrackerState {
  return { switches: [] };
}

/** The stretch that closes at `end`, when it is long enough to count. */
function closed(open: { start: number }, end: number): Stretch | undefined {
  return end - open.start >= MIN_STRETCH_MS ? { start: open.start, end } : undefined;
}

/**
 * Applies one activity. Returns the new state and the stretch it completed, if any. Activities
 * must come in time order; one that goes back in time (a clock set back) closes the open stretch.
 */
export function observe(state: TrackerState, activity: Activity): { state: TrackerState; completed?: Stretch } {
  const { at } = activity;
  let open = state.open;
  let completed: Stretch | undefined;

  // A long silence, or time running backwards, ends the open stretch at its last activity.
  if (open && (at - open.last > IDLE_GAP_MS || at < open.last)) {
    completed = closed(open, open.last);
    open = undefined;
  }

  switch (activity.kind) {
    case 'work':
      open = open ? { start: open.start, last: at } : { start: at, last: at };
      return { state: { open, switches: state.switches }, completed };
    case 'presence':
      if (open) open = { start: open.start, last: at };
      return { state: { open, switches: state.switches }, completed };
    case 'away':
      // The time since the last activity (reading, thinking) counts up to the moment focus left.
      if (open) completed = closed(open, at);
      return { state: { open: undefined, switches: [] }, completed };
    case 'switch': {
      const switches = [...state.switches, { at, file: activity.file }].filter((s) => at - s.at <= BURST_WINDOW_MS);
      const files = new Set(switches.map((s) => s.file));
      if (switches.length >= BURST_SWITCHES && files.size >= BURST_DISTINCT_FILES) {
        // The burst began at its first switch; the stretch (if it began before) ends there.
        const burstStart = switches[0].at;
        if (open && open.start < burstStart) completed = closed(open, burstStart);
        return { state: { open: undefined, switches: [] }, completed };
      }
      if (open) open = { start: open.start, last: at };
      return { state: { open, switches }, completed };
    }
  }
}

/**
 * The open stretch as it counts now: from its start to its last activity, once 25 minutes long.
 * After an idle gap it is already over; it counts the same until the next activity closes it.
 */
export function liveStretch(state: TrackerState, now: number): Stretch | undefined {
  const open = state.open;
  if (!open || now < open.start) return undefined;
  return closed(open, Math.min(open.last, now));
}

/** Closes the open stretch at its last activity (the window closes, the meter is turned off). */
export function flush(state: TrackerState): { state: TrackerState; completed?: Stretch } {
  return { state: emptyTracker(), completed: state.open ? closed(state.open, state.open.last) : undefined };
}
