import { type CoachEvent, type Signal, type TaskEndEvent, type Thresholds, MINUTE } from './types';

/**
 * The same task failing N times in a row (within the window) means the current approach is not
 * working. A success resets the count; an unknown exit code (task terminated) is ignored.
 */
export function detectRepeatedFailure(events: readonly CoachEvent[], now: number, thresholds: Thresholds): Signal | undefined {
  const horizon = now - thresholds.failureWindowMinutes * MINUTE;
  const streaks = new Map<string, TaskEndEvent[]>();
  for (const event of events) {
    if (event.kind !== 'taskEnd' || event.exitCode === undefined) continue;
    if (event.exitCode === 0) {
      streaks.delete(event.task);
    } else {
      streaks.set(event.task, [...(streaks.get(event.task) ?? []), event]);
    }
  }
  let worst: { task: string; failures: TaskEndEvent[] } | undefined;
  for (const [task, failures] of streaks) {
    const recent = failures.filter((f) => f.at >= horizon);
    if (recent.length >= thresholds.repeatedFailures && (!worst || recent.length > worst.failures.length)) {
      worst = { task, failures: recent };
    }
  }
  if (!worst) return undefined;
  const first = worst.failures[0];
  const last = worst.failures[worst.failures.length - 1];
  return {
    kind: 'repeated-failure',
    key: `repeated-failure:${worst.task}:${first.at}`,
    at: last.at,
    files: [],
    summary: `"${worst.task}" has failed ${worst.failures.length} times in a row (last exit code ${last.exitCode}).`,
  };
}
