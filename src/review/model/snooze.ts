/**
 * Snoozes of single queue items, kept locally. Pure: the editor layer stores the record.
 */
import type { PullRequest } from './pullRequest';

export type Snooze =
  /** Hidden until a time (1 hour, until tomorrow). */
  | { kind: 'until'; until: number }
  /** Hidden until the PR changes again: its `updatedAt` moves past the one seen when snoozed. */
  | { kind: 'activity'; seenUpdatedAt: number; since: number };

export type SnoozeRecord = Record<string, Snooze>;

const MAX_ACTIVITY_SNOOZE = 30 * 24 * 60 * 60 * 1000;

export function isSnoozed(snooze: Snooze | undefined, pr: PullRequest, now: number): boolean {
  if (!snooze) return false;
  if (snooze.kind === 'until') return now < snooze.until;
  return pr.updatedAt <= snooze.seenUpdatedAt && now - snooze.since < MAX_ACTIVITY_SNOOZE;
}

/** Drops snoozes that can no longer hide anything, so the record does not grow forever. */
export function pruneSnoozes(record: SnoozeRecord, now: number, openKeys?: ReadonlySet<string>): SnoozeRecord {
  const out: SnoozeRecord = {};
  for (const [key, snooze] of Object.entries(record)) {
    if (openKeys && !openKeys.has(key)) continue;
    if (snooze.kind === 'until' ? snooze.until > now : now - snooze.since < MAX_ACTIVITY_SNOOZE) out[key] = snooze;
  }
  return out;
}
