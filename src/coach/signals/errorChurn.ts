import { type CoachEvent, type Signal, type Thresholds, formatMinutes, MINUTE } from './types';

/**
 * Errors that stay in a file while it keeps being edited: the edits are not converging. A file
 * qualifies when it has had errors without a break for the threshold minutes, still has them now,
 * and was edited at least the threshold number of times meanwhile.
 */
export function detectErrorChurn(events: readonly CoachEvent[], now: number, thresholds: Thresholds): Signal | undefined {
  const erroringSince = new Map<string, number>();
  for (const event of events) {
    if (event.kind !== 'diagnostics') continue;
    if (event.errors > 0) {
      if (!erroringSince.has(event.file)) erroringSince.set(event.file, event.at);
    } else {
      erroringSince.delete(event.file);
    }
  }
  let best: { file: string; since: number; edits: number } | undefined;
  for (const [file, since] of erroringSince) {
    if (now - since < thresholds.errorChurnMinutes * MINUTE) continue;
    const edits = events.filter((e) => e.kind === 'edit' && e.file === file && e.at >= since).length;
    if (edits >= thresholds.errorChurnEdits && (!best || edits > best.edits)) best = { file, since, edits };
  }
  if (!best) return undefined;
  return {
    kind: 'error-churn',
    key: `error-churn:${best.file}:${best.since}`,
    at: now,
    files: [best.file],
    summary: `${best.file} has had errors for ${formatMinutes((now - best.since) / MINUTE)} across ${best.edits} edits.`,
  };
}
