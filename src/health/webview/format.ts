/**
 * How the dashboard writes numbers: durations, shares, dates. Pure (no DOM), so it is unit-tested
 * in Node like the model.
 */

/**
 * 42 min · 3.5 h · 2.1 d: minutes under an hour, hours under two days, then days. Business hours stay
 * in hours (a working day is not 24 of them).
 */
export function formatHours(hours: number, business = false): string {
  if (!Number.isFinite(hours)) return '—';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48 || business) return `${trim(hours)} h`;
  return `${trim(hours / 24)} d`;
}

/** One decimal, without a trailing ".0". */
export function trim(x: number): string {
  const s = (Math.round(x * 10) / 10).toFixed(1);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '—';
  return `${Math.round(share * 100)}%`;
}

/** `2025-03-04` in UTC or the given zone. */
export function formatDay(ms: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `Mar 3`: short axis labels for week starts given as `YYYY-MM-DD`. */
export function weekLabel(dayKey: string): string {
  const [y, m, d] = dayKey.split('-').map(Number);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1] ?? '?';
  return Number.isFinite(y) ? `${month} ${d}` : dayKey;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Ann, Ben and Cid". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
