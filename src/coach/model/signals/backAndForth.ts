import * as l10n from '@vscode/l10n';
import { type CoachEvent, type EditEvent, type Signal, type Thresholds, MINUTE } from './types';

/** Lines of slack when deciding two edits touch the same hunk. */
const HUNK_TOLERANCE_LINES = 3;
/** Typing pauses shorter than this stay in one visit. */
const VISIT_PAUSE_MS = 2 * MINUTE;

interface Visit {
  file: string;
  startLine: number;
  endLine: number;
  at: number;
}

function touches(a: { startLine: number; endLine: number }, b: { startLine: number; endLine: number }): boolean {
  return a.startLine <= b.endLine + HUNK_TOLERANCE_LINES && b.startLine <= a.endLine + HUNK_TOLERANCE_LINES;
}

/** Consecutive keystrokes in one place are one visit; editing elsewhere or pausing ends it. */
export function groupVisits(edits: readonly EditEvent[]): Visit[] {
  const visits: Visit[] = [];
  for (const edit of edits) {
    const last = visits[visits.length - 1];
    if (last && last.file === edit.file && touches(last, edit) && edit.at - last.at <= VISIT_PAUSE_MS) {
      last.startLine = Math.min(last.startLine, edit.startLine);
      last.endLine = Math.max(last.endLine, edit.endLine);
      last.at = edit.at;
    } else {
      visits.push({ file: edit.file, startLine: edit.startLine, endLine: edit.endLine, at: edit.at });
    }
  }
  return visits;
}

/** The same hunk rewritten again and again within the window suggests trial and error. */
export function detectBackAndForth(events: readonly CoachEvent[], now: number, thresholds: Thresholds): Signal | undefined {
  const horizon = now - thresholds.backAndForthWindowMinutes * MINUTE;
  const edits = events.filter((e): e is EditEvent => e.kind === 'edit' && e.at >= horizon);
  const visits = groupVisits(edits);
  // Compare visits within one file only: quadratic in a file's visits, not in the whole window's.
  const byFile = new Map<string, Visit[]>();
  for (const visit of visits) {
    const list = byFile.get(visit.file);
    if (list) list.push(visit);
    else byFile.set(visit.file, [visit]);
  }
  let best: { visit: Visit; count: number } | undefined;
  for (const sameFile of byFile.values()) {
    if (sameFile.length < thresholds.backAndForthVisits) continue;
    for (const visit of sameFile) {
      const count = sameFile.filter((other) => touches(other, visit)).length;
      if (count >= thresholds.backAndForthVisits && (!best || count > best.count)) best = { visit, count };
    }
  }
  if (!best) return undefined;
  const { file, startLine } = best.visit;
  return {
    kind: 'back-and-forth',
    key: `back-and-forth:${file}:${startLine}`,
    at: now,
    files: [file],
    summary: l10n.t(
      "You've come back to {0} around line {1} {2} times in {3} min.",
      file,
      startLine + 1,
      best.count,
      thresholds.backAndForthWindowMinutes,
    ),
  };
}
