/**
 * When to poll GitHub next. Pure, so the rules are testable without timers:
 * - the configured interval, never under one minute;
 * - after a failure, retry sooner (30 s, doubling) but never more often than the interval allows;
 * - during a rate-limit backoff, not before it ends;
 * - focus and git-fetch triggers refresh at most once a minute.
 */
import * as l10n from '@vscode/l10n';

export const MIN_INTERVAL_MS = 60_000;
const FIRST_RETRY_MS = 30_000;

export function pollIntervalMs(pollMinutes: unknown): number {
  const minutes = typeof pollMinutes === 'number' && Number.isFinite(pollMinutes) ? pollMinutes : 5;
  return Math.max(MIN_INTERVAL_MS, minutes * 60_000);
}

export interface PollState {
  intervalMs: number;
  now: number;
  consecutiveFailures: number;
  /** Rate-limit backoff end, epoch ms (0 when none). */
  blockedUntil: number;
}

export function nextPollDelay(s: PollState): number {
  if (s.blockedUntil > s.now) return Math.max(s.blockedUntil - s.now, 1000);
  if (s.consecutiveFailures > 0) return Math.min(s.intervalMs, FIRST_RETRY_MS * 2 ** (s.consecutiveFailures - 1));
  return s.intervalMs;
}

/** Whether an event (window focus, git fetch) may trigger a refresh now. */
export function mayRefreshOnTrigger(now: number, lastAttemptAt: number | undefined, blockedUntil: number): boolean {
  if (blockedUntil > now) return false;
  return lastAttemptAt === undefined || now - lastAttemptAt >= MIN_INTERVAL_MS;
}

/** "12 min ago" for the view's description when data is stale. */
export function describeAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return l10n.t('just now');
  if (minutes < 60) return l10n.t('{0} min ago', minutes);
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? l10n.t('{0} h ago', hours) : l10n.t('{0} days ago', Math.floor(hours / 24));
}
