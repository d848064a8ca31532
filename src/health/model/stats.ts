/**
 * Shared statistics for every metric family: quantiles, distributions, and the "not enough data"
 * result that says why instead of showing a number. Pure.
 */

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

/**
 * The distribution when there are at least `minimum` values, else a reason naming what is counted
 * ("2 merged pull requests; 3 needed").
 */
export function measuredDistribution(
  values: readonly number[],
  minimum: number,
  what: string,
  scope = 'this period',
): Measured<Distribution> {
  if (values.length < Math.max(1, minimum)) {
    return insufficient(
      values.length === 0 ? `no ${what} in ${scope}` : `only ${values.length} ${what} in ${scope}; ${minimum} needed for a stable median`,
    );
  }
  return measured(distribution(values));
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
