import * as l10n from '@vscode/l10n';
import { type CoachEvent, type Signal, type TaskEndEvent, type Thresholds, MINUTE } from './types';

/**
 * The same task or test command failing N times in a row (within the window) means the current
 * approach is not working. Every task or command is its own streak, and each streak long enough
 * is its own signal: answering one never hides another. A success resets its streak; an unknown
 * exit code (a terminated task, a terminal without shell integration) is ignored.
 */
export function detectRepeatedFailures(events: readonly CoachEvent[], now: number, thresholds: Thresholds): Signal[] {
  const horizon = now - thresholds.failureWindowMinutes * MINUTE;
  const streaks = new Map<string, TaskEndEvent[]>();
  for (const event of events) {
    if (event.kind !== 'taskEnd' || event.exitCode === undefined) continue;
    if (event.exitCode === 0) {
      streaks.delete(event.task);
    } else {
      const streak = streaks.get(event.task);
      if (streak) streak.push(event);
      else streaks.set(event.task, [event]);
    }
  }
  const signals: Signal[] = [];
  for (const [task, failures] of streaks) {
    const recent = failures.filter((f) => f.at >= horizon);
    if (recent.length < thresholds.repeatedFailures) continue;
    const first = recent[0];
    const last = recent[recent.length - 1];
    signals.push({
      kind: 'repeated-failure',
      key: `repeated-failure:${task}:${first.at}`,
      at: last.at,
      files: [],
      summary: l10n.t('"{0}" has failed {1} times in a row (last exit code {2}).', task, recent.length, last.exitCode ?? ''),
    });
  }
  return signals;
}
