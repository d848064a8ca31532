/**
 * The parameters of a Team Health report, with their defaults in one place. Pure: "now" is given.
 */
import { isBotAuthor, type BotMatcher } from '../../core/bots';
import { businessMillisBetween, type WorkingSchedule } from '../../core/time/businessHours';
import type { ReleaseSource } from './input';
import { HOUR } from './stats';

/** Team targets for the flow stages, in hours (business hours in business-hours mode) and lines. */
export interface FlowTargets {
  pickupHours?: number;
  reviewHours?: number;
  cycleHours?: number;
  prSizeLines?: number;
}

/** What counts as a release (DORA's "deployment"). */
export interface ReleaseSelection {
  source: ReleaseSource;
  /** Regular expression (source text) a tag or release name must match; undefined: all of them. */
  pattern?: string;
  /** For deployments: the environment that counts as production. */
  environment?: string;
}

/** What marks a release as failed (change failure rate, recovery time). */
export interface FailureRules {
  /** A revert or hotfix this many days after a release counts against it. */
  windowDays: number;
  /** Regular expression (source text, case-insensitive) on commit subjects that marks a hotfix. */
  hotfixSubject: string;
  /** Regular expression (source text, case-insensitive) on a merged PR's head branch that marks a hotfix. */
  hotfixBranch: string;
}

export interface KnowledgeOptions {
  /** A person with no commit for this many days is inactive. */
  inactiveDays: number;
  /** "Changed N times this month": the window for recent changes, in days. */
  recentDays: number;
  /** Folders with fewer files are not judged on their own (their parent is). */
  minFolderFiles: number;
  /** Lower-cased e-mail → canonical e-mail, for people who commit under several addresses. */
  aliases?: Readonly<Record<string, string>>;
  /** Paths (prefix match, `/`-separated) left out of knowledge, e.g. vendored or generated code. */
  excludePaths?: readonly string[];
}

export interface HealthOptions {
  now: number;
  /** Calendar weeks in the period, ending with the week of `now` (4, 12 or 26 in the view). */
  weeks: number;
  /** IANA zone for weeks and business hours; undefined: this machine's zone. */
  timeZone?: string;
  /** When set, every duration counts working hours of this schedule only. */
  businessHours?: WorkingSchedule;
  /** Who is a bot (`core/bots`); default: `[bot]` accounts only. */
  isBot?: BotMatcher;
  targets?: FlowTargets;
  release?: Partial<ReleaseSelection>;
  failure?: Partial<FailureRules>;
  knowledge?: Partial<KnowledgeOptions>;
  /** Fewest values behind a period median (default 3); weekly medians need 1. */
  minSample?: number;
}

/** A version tag without a pre-release suffix: `v1`, `v1.2`, `2.3.4`, `v10.0.0`. */
export const DEFAULT_RELEASE_PATTERN = '^v?\\d+(\\.\\d+)*$';

export const DEFAULT_FAILURE: FailureRules = {
  windowDays: 7,
  hotfixSubject: '\\bhot[ -]?fix(es)?\\b',
  hotfixBranch: '(^|/)hot[-_]?fix([/_-]|$)',
};

export const DEFAULT_KNOWLEDGE: KnowledgeOptions = {
  inactiveDays: 90,
  recentDays: 30,
  minFolderFiles: 3,
};

/** LinearB's published "elite" marks (see DESIGN.md): the defaults the queue already uses. */
export const ELITE_MARKS: Required<FlowTargets> = {
  pickupHours: 7,
  reviewHours: 6,
  cycleHours: 48,
  prSizeLines: 225,
};

export interface ResolvedOptions {
  now: number;
  weeks: number;
  timeZone?: string;
  businessHours?: WorkingSchedule;
  isBot: BotMatcher;
  targets: FlowTargets;
  release: ReleaseSelection;
  failure: FailureRules;
  knowledge: KnowledgeOptions;
  minSample: number;
  /** Hours between two instants: calendar hours, or working hours in business-hours mode. */
  hoursBetween(from: number, to: number): number;
}

export function resolveOptions(options: HealthOptions): ResolvedOptions {
  const schedule = options.businessHours;
  const zone = options.timeZone;
  return {
    now: options.now,
    weeks: Math.max(1, Math.floor(options.weeks)),
    timeZone: zone,
    businessHours: schedule,
    isBot: options.isBot ?? isBotAuthor,
    targets: options.targets ?? {},
    release: { source: 'tag', pattern: DEFAULT_RELEASE_PATTERN, ...stripUndefined(options.release ?? {}) },
    failure: { ...DEFAULT_FAILURE, ...stripUndefined(options.failure ?? {}) },
    knowledge: { ...DEFAULT_KNOWLEDGE, ...stripUndefined(options.knowledge ?? {}) },
    minSample: Math.max(1, Math.floor(options.minSample ?? 3)),
    hoursBetween: schedule
      ? (from, to) => businessMillisBetween(from, to, { ...schedule, timeZone: schedule.timeZone ?? zone }) / HOUR
      : (from, to) => (to - from) / HOUR,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A regular expression from settings text; an invalid one matches nothing (and says so). */
export function safeRegExp(source: string | undefined, flags = ''): { test(text: string): boolean; valid: boolean } {
  if (source === undefined || source === '') return { test: () => true, valid: true };
  try {
    const re = new RegExp(source, flags);
    return { test: (text) => re.test(text), valid: true };
  } catch {
    return { test: () => false, valid: false };
  }
}
