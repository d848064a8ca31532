/**
 * How the dashboard writes numbers and sentences: durations, shares, dates, counts, lists. Pure (no
 * DOM), so it is unit-tested in Node like the model; the host uses it too (key figures), translated
 * by its own table.
 */
import * as l10n from '@vscode/l10n';
import { languageTag } from '../../core/html';

export { listWords } from '../model/lists';

/**
 * 42 min · 3.5 h · 2.1 d: minutes under an hour, hours under two days, then days. Business hours stay
 * in hours (a working day is not 24 of them).
 */
export function formatHours(hours: number, business = false): string {
  if (!Number.isFinite(hours)) return '—';
  if (hours < 1) return l10n.t('{0} min', Math.round(hours * 60));
  if (hours < 48 || business) return l10n.t('{0} h', trim(hours));
  return l10n.t('{0} d', trim(hours / 24));
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

/**
 * The language the page's text is in, for Intl: the translation's own tag, so month names match
 * the words around them. A tag Intl refuses (the pseudo-locale accents it) means English.
 */
function locale(): string {
  try {
    return Intl.getCanonicalLocales(languageTag())[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** `Mar 3` (`3. März`): short axis labels for week starts given as `YYYY-MM-DD`. */
export function weekLabel(dayKey: string): string {
  const [y, m, d] = dayKey.split('-').map(Number);
  if (![y, m, d].every(Number.isFinite)) return dayKey;
  return new Intl.DateTimeFormat(locale(), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

type Noun =
  | 'PR'
  | 'pull request'
  | 'merged pull request'
  | 'release'
  | 'commit'
  | 'recovery'
  | 'file'
  | 'folder'
  | 'review'
  | 'change'
  | 'day'
  | 'week'
  | 'line'
  | 'person';

// "3 releases": one whole phrase per number form, so a translator never glues a noun to a number.
const COUNTED: Record<Noun, (n: number) => string> = {
  PR: (n) => (n === 1 ? l10n.t('1 PR') : l10n.t('{0} PRs', n)),
  'pull request': (n) => (n === 1 ? l10n.t('1 pull request') : l10n.t('{0} pull requests', n)),
  'merged pull request': (n) => (n === 1 ? l10n.t('1 merged pull request') : l10n.t('{0} merged pull requests', n)),
  release: (n) => (n === 1 ? l10n.t('1 release') : l10n.t('{0} releases', n)),
  commit: (n) => (n === 1 ? l10n.t('1 commit') : l10n.t('{0} commits', n)),
  recovery: (n) => (n === 1 ? l10n.t('1 recovery') : l10n.t('{0} recoveries', n)),
  file: (n) => (n === 1 ? l10n.t('1 file') : l10n.t('{0} files', n)),
  folder: (n) => (n === 1 ? l10n.t('1 folder') : l10n.t('{0} folders', n)),
  review: (n) => (n === 1 ? l10n.t('1 review') : l10n.t('{0} reviews', n)),
  change: (n) => (n === 1 ? l10n.t('1 change') : l10n.t('{0} changes', n)),
  day: (n) => (n === 1 ? l10n.t('1 day') : l10n.t('{0} days', n)),
  week: (n) => (n === 1 ? l10n.t('1 week') : l10n.t('{0} weeks', n)),
  line: (n) => (n === 1 ? l10n.t('1 line') : l10n.t('{0} lines', n)),
  person: (n) => (n === 1 ? l10n.t('1 person') : l10n.t('{0} people', n)),
};

/** `n` with its noun, as one translated phrase: a value for a sentence, such as `{0} of {1} failed`. */
export function count(n: number, noun: Noun): string {
  return COUNTED[noun](n);
}

/**
 * A translated sentence with elements in its places: `fill(l10n.t('{0} for pickup and review.'), link)`
 * → `[link, ' for pickup and review.']`. The sentence stays text; a place without a part stays as written.
 */
export function fill<T>(sentence: string, ...parts: T[]): (string | T)[] {
  return sentence
    .split(/(\{\d+\})/)
    .filter((piece) => piece !== '')
    .map((piece) => {
      const index = /^\{(\d+)\}$/.exec(piece)?.[1];
      return index !== undefined && Number(index) < parts.length ? parts[Number(index)] : piece;
    });
}
