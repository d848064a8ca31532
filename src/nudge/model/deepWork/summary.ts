/**
 * One week of deep work as plain data, and the words for it: the status item's text, and the
 * weekly summary that can go into Growth Notes. Pure.
 */
import * as l10n from '@vscode/l10n';
import { dayName } from '../../../core/time/wallclock';
import { dayBoundaries, dayKeyOf, overlap, weekEndOf, weekStartOf } from './week';
import { MINUTE, type Stretch } from './tracker';

/** The week runs Monday to Sunday. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];

export interface DeepWorkDay {
  label: string;
  /** 'YYYY-MM-DD' */
  dayKey: string;
  minutes: number;
}

export interface DeepWorkWeek {
  weekStart: number;
  weekEnd: number;
  goalMinutes: number;
  /** Deep-work minutes in this week (stretches crossing Monday 00:00 count their part). */
  minutes: number;
  stretches: number;
  longestMinutes: number;
  days: DeepWorkDay[];
  /** Toasts Multiplier showed this week. */
  interruptions: number;
  /** Of those, how many came during a deep-work stretch. */
  interruptionsDuringDeepWork: number;
}

export interface WeekInput {
  /** Completed stretches, any order, any week. */
  stretches: readonly Stretch[];
  /** The open stretch, once it counts. */
  live?: Stretch;
  /** When Multiplier showed a toast. */
  interruptions: readonly number[];
  now: number;
  timeZone: string | undefined;
  goalHours: number;
}

export function summarizeWeek(input: WeekInput): DeepWorkWeek {
  const { now, timeZone } = input;
  const weekStart = weekStartOf(now, timeZone);
  const weekEnd = weekEndOf(now, timeZone);
  const all = input.live ? [...input.stretches, input.live] : [...input.stretches];
  const inWeek = all.filter((s) => overlap(s.start, s.end, weekStart, weekEnd) > 0);
  const bounds = dayBoundaries(weekStart, timeZone);
  const days = WEEKDAYS.map((weekday, i) => ({
    label: dayName(weekday),
    dayKey: dayKeyOf(bounds[i], timeZone),
    minutes: inWeek.reduce((sum, s) => sum + overlap(s.start, s.end, bounds[i], bounds[i + 1]), 0) / MINUTE,
  }));
  const during = (at: number): boolean => all.some((s) => at >= s.start && at <= s.end);
  const interruptions = input.interruptions.filter((at) => at >= weekStart && at < weekEnd && at <= now);
  return {
    weekStart,
    weekEnd,
    goalMinutes: Math.round(input.goalHours * 60),
    minutes: inWeek.reduce((sum, s) => sum + overlap(s.start, s.end, weekStart, weekEnd), 0) / MINUTE,
    stretches: inWeek.length,
    longestMinutes: inWeek.reduce((max, s) => Math.max(max, overlap(s.start, s.end, weekStart, weekEnd)), 0) / MINUTE,
    days,
    interruptions: interruptions.length,
    interruptionsDuringDeepWork: interruptions.filter(during).length,
  };
}

/** "25 min", "1.5 h", "11 h": precise while small, calm when large. */
export function formatDeepTime(minutes: number): string {
  const m = Math.floor(minutes + 1e-9);
  if (m < 60) return l10n.t('{0} min', m);
  const hours = m / 60;
  if (hours < 10) {
    const halves = Math.floor(hours * 2) / 2;
    return l10n.t('{0} h', Number.isInteger(halves) ? halves : halves.toFixed(1));
  }
  return l10n.t('{0} h', Math.floor(hours));
}

/** "1 h 40 min": exact, for the summary's details. */
export function formatDuration(minutes: number): string {
  const m = Math.floor(minutes + 1e-9);
  if (m < 60) return l10n.t('{0} min', m);
  const rest = m % 60;
  return rest === 0 ? l10n.t('{0} h', Math.floor(m / 60)) : l10n.t('{0} h {1} min', Math.floor(m / 60), rest);
}

export function goalText(week: DeepWorkWeek): string {
  return `${formatDeepTime(week.minutes)} / ${formatDeepTime(week.goalMinutes)}`;
}

export function interruptionsText(week: DeepWorkWeek): string {
  const n = week.interruptions;
  if (n === 0) return l10n.t('Multiplier did not interrupt you this week.');
  const during = week.interruptionsDuringDeepWork;
  if (during === 0)
    return n === 1 ? l10n.t('Multiplier interrupted you once this week.') : l10n.t('Multiplier interrupted you {0} times this week.', n);
  return n === 1
    ? l10n.t('Multiplier interrupted you once this week ({0} during deep work).', during)
    : l10n.t('Multiplier interrupted you {0} times this week ({1} during deep work).', n, during);
}

export function deepWorkDefinition(): string {
  return l10n.t(
    'Stretches of at least 25 minutes of editing or debugging, ended by 10 idle minutes, leaving the window, or a burst of switching between files. Measured on this machine only.',
  );
}

/** The week as a Markdown note, tags in the text. */
export function weekMarkdown(week: DeepWorkWeek, timeZone: string | undefined): string {
  const weekOf = dayKeyOf(week.weekStart, timeZone);
  const stretches = week.stretches === 1 ? l10n.t('1 stretch') : l10n.t('{0} stretches', week.stretches);
  const [done, goal] = [`**${formatDuration(week.minutes)}**`, `**${formatDeepTime(week.goalMinutes)}**`];
  const lines = [
    `# ${l10n.t('Deep work — week of {0}', weekOf)}`,
    '',
    week.stretches > 0
      ? l10n.t('{0} of deep work against a goal of {1}, in {2} (longest {3}).', done, goal, stretches, formatDuration(week.longestMinutes))
      : l10n.t('{0} of deep work against a goal of {1}, in {2}.', done, goal, stretches),
    '',
    `| ${l10n.t('Day')} | ${l10n.t('Deep work')} |`,
    '| --- | --- |',
    ...week.days.map((d) => `| ${d.label} ${d.dayKey.slice(5)} | ${d.minutes > 0 ? formatDuration(d.minutes) : '—'} |`),
    '',
    interruptionsText(week),
    '',
    `## ${l10n.t('What helped, what got in the way')}`,
    '',
    '- ',
    '',
    `_${deepWorkDefinition()}_`,
    '',
    '#deep-work',
    '',
  ];
  return lines.join('\n');
}
