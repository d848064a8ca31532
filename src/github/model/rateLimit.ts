/**
 * Reads GitHub's rate-limit signals into one "do not call before" time. Pure.
 * Order follows GitHub's docs: Retry-After first, then an exhausted primary limit
 * (x-ratelimit-remaining: 0 until x-ratelimit-reset), then the secondary limit (wait at least a
 * minute, longer on repeats).
 */
export interface HeaderReader {
  get(name: string): string | null;
}

export interface Backoff {
  until: number;
  reason: 'retry-after' | 'primary' | 'secondary';
}

const SECONDARY_BASE_MS = 60_000;
const SECONDARY_MAX_MS = 15 * 60_000;

function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** For a response: when the host may be called again, or undefined when it may be called now. */
export function backoffFrom(
  status: number,
  headers: HeaderReader,
  bodyText: string,
  now: number,
  secondaryStrikes = 0,
): Backoff | undefined {
  const retryAfter = retryAfterMs(headers.get('retry-after'), now);
  const limited = status === 403 || status === 429;
  if (limited && retryAfter !== undefined) return { until: now + retryAfter, reason: 'retry-after' };
  const remaining = headers.get('x-ratelimit-remaining');
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (remaining !== null && Number(remaining) === 0 && Number.isFinite(reset) && reset > 0) {
    // Also on a 200: the next call would fail, so wait for the reset instead of spending a request.
    return { until: Math.max(now, reset * 1000), reason: 'primary' };
  }
  if (limited && (status === 429 || /secondary rate limit|abuse detection/i.test(bodyText))) {
    return { until: now + Math.min(SECONDARY_MAX_MS, SECONDARY_BASE_MS * 2 ** secondaryStrikes), reason: 'secondary' };
  }
  return undefined;
}
