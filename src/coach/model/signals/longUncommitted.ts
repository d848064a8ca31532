import * as l10n from '@vscode/l10n';
import { type CoachEvent, type EditEvent, type Signal, type Thresholds, formatMinutes, MINUTE } from './types';

/** Active editing since the last commit (or clean tree), and where that time went. */
export interface ActiveWork {
  since: number;
  dirty: boolean;
  activeMinutes: number;
  /** Files by active minutes, most first. */
  files: string[];
}

/**
 * Wall-clock time overstates effort (lunch, meetings), so only the gaps between consecutive edits
 * count, each capped at the idle gap. The time of a gap belongs to the file of the later edit.
 */
export function measureActiveWork(events: readonly CoachEvent[], idleGapMinutes: number): ActiveWork {
  let since = Number.NEGATIVE_INFINITY;
  let dirty: boolean | undefined;
  for (const event of events) {
    if (event.kind === 'commit') {
      since = event.at;
      dirty = undefined;
    } else if (event.kind === 'tree') {
      dirty = event.dirty;
      if (!event.dirty) since = event.at;
    }
  }
  const edits = events.filter((e): e is EditEvent => e.kind === 'edit' && e.at >= since);
  const cap = idleGapMinutes * MINUTE;
  const perFile = new Map<string, number>();
  let activeMs = 0;
  for (let i = 1; i < edits.length; i++) {
    const gap = Math.min(Math.max(0, edits[i].at - edits[i - 1].at), cap);
    activeMs += gap;
    perFile.set(edits[i].file, (perFile.get(edits[i].file) ?? 0) + gap);
  }
  if (edits.length > 0 && !perFile.has(edits[0].file)) perFile.set(edits[0].file, 0);
  const files = [...perFile.entries()].sort((a, b) => b[1] - a[1]).map(([file]) => file);
  // Without a tree report (no git), edits after the last commit mean uncommitted work.
  return {
    since: Number.isFinite(since) ? since : (edits[0]?.at ?? 0),
    dirty: dirty ?? edits.length > 0,
    activeMinutes: activeMs / MINUTE,
    files,
  };
}

export function detectLongUncommitted(events: readonly CoachEvent[], thresholds: Thresholds): Signal | undefined {
  const work = measureActiveWork(events, thresholds.idleGapMinutes);
  if (!work.dirty || work.files.length === 0 || work.activeMinutes < thresholds.uncommittedActiveMinutes) return undefined;
  const [first, ...rest] = work.files;
  const time = formatMinutes(work.activeMinutes);
  return {
    kind: 'long-uncommitted',
    key: `long-uncommitted:${work.since}`,
    at: events[events.length - 1]?.at ?? work.since,
    files: work.files.slice(0, 5),
    summary:
      rest.length === 0
        ? l10n.t("You've been editing {0} for {1} without a commit.", first, time)
        : rest.length === 1
          ? l10n.t("You've been editing {0} and 1 other file for {1} without a commit.", first, time)
          : l10n.t("You've been editing {0} and {1} other files for {2} without a commit.", first, rest.length, time),
  };
}
