/**
 * Shared statistics for every metric family: quantiles, distributions, and the "not enough data"
 * result that says why instead of showing a number. Pure.
 */
import * as l10n from '@vscode/l10n';

/** A figure, or the reason there is none. */
export type Measured<T> = { ok: true; value: T } | { ok: false; reason: string };

export function measured<T>(value: T): Measured<T> {
  return { ok: true, value };
}

export function insufficient<T = never>(reason: string): Measured<T> {
  return { ok: false, reason };
}

export interface Distribution {
  /** How many values. */
  n: number;
  median: number;
  p75: number;
  p90: number;
  min: number;
  max: number;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of values sorted ascending, by linear interpolation between the two
 * nearest ranks: h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). This is Hyndman & Fan's
 * type 7, the default of NumPy, R and spreadsheets' PERCENTILE.INC, so figures can be checked
 * with any of them. The median of an even count is the mean of the two middle values.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Distribution of the values (any order; the input is not changed). */
export function distribution(values: readonly number[]): Distribution {
  const sorted = Float64Array.from(values).sort();
  return {
    n: sorted.length,
    median: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p90: quantileSorted(sorted, 0.9),
    min: sorted.length ? sorted[0] : NaN,
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/** What a distribution counts, for the sentence that says there are too few of them. */
export type Counted =
  | 'mergedPullRequests'
  | 'codedPullRequests'
  | 'reviewedPullRequests'
  | 'releasedPullRequests'
  | 'releasedCommits'
  | 'recoveredReleases'
  | 'reviews';

/**
 * Why a distribution has no figure, as whole sentences a translator can reorder (no noun glued
 * into a frame): none at all in the period or week, or fewer than the minimum. Translated when called.
 */
function shortfall(counted: Counted, scope: 'period' | 'week', count: number, minimum: number): string {
  if (scope === 'week' && count === 0) {
    const none: Record<Counted, string> = {
      mergedPullRequests: l10n.t('no merged pull requests in this week'),
      codedPullRequests: l10n.t('no merged pull requests with a coding time in this week'),
      reviewedPullRequests: l10n.t('no reviewed pull requests in this week'),
      releasedPullRequests: l10n.t('no released pull requests in this week'),
      releasedCommits: l10n.t('no released commits in this week'),
      recoveredReleases: l10n.t('no failed releases recovered by a later release in this week'),
      reviews: l10n.t('no reviews in this week'),
    };
    return none[counted];
  }
  if (count === 0) {
    const none: Record<Counted, string> = {
      mergedPullRequests: l10n.t('no merged pull requests in this period'),
      codedPullRequests: l10n.t('no merged pull requests with a coding time in this period'),
      reviewedPullRequests: l10n.t('no reviewed pull requests in this period'),
      releasedPullRequests: l10n.t('no released pull requests in this period'),
      releasedCommits: l10n.t('no released commits in this period'),
      recoveredReleases: l10n.t('no failed releases recovered by a later release in this period'),
      reviews: l10n.t('no reviews in this period'),
    };
    return none[counted];
  }
  if (scope === 'week') {
    const fewThisWeek: Record<Counted, string> = {
      mergedPullRequests: l10n.t('only {0} merged pull requests in this week; {1} needed for a stable median', count, minimum),
      codedPullRequests: l10n.t(
        'only {0} merged pull requests with a coding time in this week; {1} needed for a stable median',
        count,
        minimum,
      ),
      reviewedPullRequests: l10n.t('only {0} reviewed pull requests in this week; {1} needed for a stable median', count, minimum),
      releasedPullRequests: l10n.t('only {0} released pull requests in this week; {1} needed for a stable median', count, minimum),
      releasedCommits: l10n.t('only {0} released commits in this week; {1} needed for a stable median', count, minimum),
      recoveredReleases: l10n.t(
        'only {0} failed releases recovered by a later release in this week; {1} needed for a stable median',
        count,
        minimum,
      ),
      reviews: l10n.t('only {0} reviews in this week; {1} needed for a stable median', count, minimum),
    };
    return fewThisWeek[counted];
  }
  const few: Record<Counted, string> = {
    mergedPullRequests: l10n.t('only {0} merged pull requests in this period; {1} needed for a stable median', count, minimum),
    codedPullRequests: l10n.t(
      'only {0} merged pull requests with a coding time in this period; {1} needed for a stable median',
      count,
      minimum,
    ),
    reviewedPullRequests: l10n.t('only {0} reviewed pull requests in this period; {1} needed for a stable median', count, minimum),
    releasedPullRequests: l10n.t('only {0} released pull requests in this period; {1} needed for a stable median', count, minimum),
    releasedCommits: l10n.t('only {0} released commits in this period; {1} needed for a stable median', count, minimum),
    recoveredReleases: l10n.t(
      'only {0} failed releases recovered by a later release in this period; {1} needed for a stable median',
      count,
      minimum,
    ),
    reviews: l10n.t('only {0} reviews in this period; {1} needed for a stable median', count, minimum),
  };
  return few[counted];
}

/**
 * The distribution when there are at least `minimum` values, else a reason naming what is counted
 * ("only 2 merged pull requests in this period; 3 needed for a stable median").
 */
export function measuredDistribution(
  values: readonly number[],
  minimum: number,
  counted: Counted,
  scope: 'period' | 'week' = 'period',
): Measured<Distribution> {
  if (values.length < Math.max(1, minimum)) return insufficient(shortfall(counted, scope, values.length, minimum));
  return measured(distribution(values));
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
