import * as l10n from '@vscode/l10n';
import { type CoachEvent, type Signal, type Thresholds, formatMinutes, MINUTE } from './types';

/**
 * Errors that stay in a file while it keeps being edited: the edits are not converging. A file
 * qualifies when it has had errors without a break for the threshold minutes, still has them now,
 * and was edited at least the threshold number of times meanwhile.
 */
export function detectErrorChurn(events: readonly CoachEvent[], now: number, thresholds: Thresholds): Signal | undefined {
  // One pass: per file, when the current run of errors began and how many edits it has seen.
  const erroringSince = new Map<string, number>();
  const editsSince = new Map<string, number>();
  for (const event of events) {
    if (event.kind === 'diagnostics') {
      if (event.errors > 0) {
        if (!erroringSince.has(event.file)) {
          erroringSince.set(event.file, event.at);
          editsSince.set(event.file, 0);
        }
      } else {
        erroringSince.delete(event.file);
        editsSince.delete(event.file);
      }
    } else if (event.kind === 'edit' && erroringSince.has(event.file)) {
      editsSince.set(event.file, (editsSince.get(event.file) ?? 0) + 1);
    }
  }
  let best: { file: string; since: number; edits: number } | undefined;
  for (const [file, since] of erroringSince) {
    if (now - since < thresholds.errorChurnMinutes * MINUTE) continue;
    const edits = editsSince.get(file) ?? 0;
    if (edits >= thresholds.errorChurnEdits && (!best || edits > best.edits)) best = { file, since, edits };
  }
  if (!best) return undefined;
  return {
    kind: 'error-churn',
    key: `error-churn:${best.file}:${best.since}`,
    at: now,
    files: [best.file],
    summary: l10n.t('{0} has had errors for {1} across {2} edits.', best.file, formatMinutes((now - best.since) / MINUTE), best.edits),
  };
}
