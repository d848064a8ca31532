/**
 * One week of deep work as plain data, and the words for it: the status item's text, and the
 * weekly summary that can go into Growth Notes. Pure.
 */
import { dayBoundaries, dayKeyOf, overlap, weekEndOf, weekStartOf } from './week';
import { MINUTE, type Stretch } from './tracker';

const DAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

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
  const days = DAY_LABELS.map((label, i) => ({
    label,
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
  if (m < 60) return `${m} min`;
  const hours = m / 60;
  if (hours < 10) {
    const halves = Math.floor(hours * 2) / 2;
    return `${Number.isInteger(halves) ? halves : halves.toFixed(1)} h`;
  }
  return `${Math.floor(hours)} h`;
}

/** "1 h 40 min": exact, for the summary's details. */
export function formatDuration(minutes: number): string {
  const m = Math.floor(minutes + 1e-9);
  if (m < 60) return `${m} min`;
  const rest = m % 60;
  return rest === 0 ? `${Math.floor(m / 60)} h` : `${Math.floor(m / 60)} h ${rest} min`;
}

export function goalText(week: DeepWorkWeek): string {
  return `${formatDeepTime(week.minutes)} / ${formatDeepTime(week.goalMinutes)}`;
}

export function interruptionsText(week: DeepWorkWeek): string {
  if (week.interruptions === 0) return 'Multiplier did not interrupt you this week.';
  const times = week.interruptions === 1 ? 'once' : `${week.interruptions} times`;
  const during = week.interruptionsDuringDeepWork;
  return `Multiplier interrupted you ${times} this week${during > 0 ? ` (${during} during deep work)` : ''}.`;
}

export const DEFINITION =
  'Stretches of at least 25 minutes of editing or debugging, ended by 10 idle minutes, leaving the window, or a burst of switching between files. Measured on this machine only.';

/** The week as a Markdown note, tags in the text. */
export function weekMarkdown(week: DeepWorkWeek, timeZone: string | undefined): string {
  const weekOf = dayKeyOf(week.weekStart, timeZone);
  const stretches = week.stretches === 1 ? '1 stretch' : `${week.stretches} stretches`;
  const lines = [
    `# Deep work — week of ${weekOf}`,
    '',
    `**${formatDuration(week.minutes)}** of deep work against a goal of **${formatDeepTime(week.goalMinutes)}**, in ${stretches}${
      week.stretches > 0 ? ` (longest ${formatDuration(week.longestMinutes)})` : ''
    }.`,
    '',
    '| Day | Deep work |',
    '| --- | --- |',
    ...week.days.map((d) => `| ${d.label} ${d.dayKey.slice(5)} | ${d.minutes > 0 ? formatDuration(d.minutes) : '—'} |`),
    '',
    interruptionsText(week),
    '',
    '## What helped, what got in the way',
    '',
    '- ',
    '',
    `_${DEFINITION}_`,
    '',
    '#deep-work',
    '',
  ];
  return lines.join('\n');
}
