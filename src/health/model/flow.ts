/**
 * Flow as a value stream, for pull requests merged in the period. Pure.
 *
 * Each merged PR's time from its first commit to its release is cut into four stages at boundaries
 * that are forced into order (a boundary earlier than the one before it is moved up to it, and
 * counted as clock skew), so the stages of one PR always add up to its lead time:
 *
 *   first commit ── coding ──▶ ready for review ── pickup ──▶ first review ── review ──▶ merge ── release ──▶ first release containing it
 *
 * - coding: first commit → ready for review (opened, or marked ready if it was a draft: draft time is
 *   coding). Without GitHub data there is no "opened": coding runs to the merge, and pickup and review
 *   are not shown.
 * - pickup: ready for review → first review by someone other than the author (not a bot). A review
 *   left on the draft counts as picked up at once.
 * - review: first review → merge.
 * - release: merge → the first release (by date) whose commit has the PR's landing commit as an ancestor.
 * - cycle time (LinearB): first commit → merge, i.e. coding + pickup + review.
 *
 * Left out: PRs by bots, revert PRs, and (for the stages that need it) PRs without GitHub data or
 * merged without any review; a PR not released yet has no release stage.
 */
import * as l10n from '@vscode/l10n';
import type { CommitGraph } from './graph';
import type { HealthInput, HealthPullRequest, HealthRelease } from './input';
import { ELITE_MARKS, type FlowTargets, type ResolvedOptions } from './options';
import { weekIndex, type Period } from './period';
import { insufficient, measured, measuredDistribution, type Counted, type Distribution, type Measured } from './stats';

export type FlowStage = 'coding' | 'pickup' | 'review' | 'release';
export interface FlowPullRequest {
  number: number;
  title: string;
  url?: string;
  kind: HealthPullRequest['kind'];
  /** The commit that landed it (for opening it when the PR has no web page to go to). */
  mergeCommit: string;
  mergedAt: number;
  /** Index into the period's weeks. */
  week: number;
  size: number;
  /** Hours (business hours in that mode); undefined where the stage cannot be measured. */
  coding?: number;
  pickup?: number;
  review?: number;
  release?: number;
  cycle: number;
  releaseName?: string;
}

export interface StageFigures {
  /** Over the whole period. */
  period: Measured<Distribution>;
  /** One per week of the period, oldest first. */
  weekly: Measured<Distribution>[];
}

export interface SizeBin {
  label: string;
  /** Inclusive lower bound, exclusive upper bound (lines added + deleted); null: no upper bound. */
  min: number;
  max: number | null;
  count: number;
}

export interface FlowReport {
  /** `github`: pickup and review come from GitHub reviews; `git`: from history alone. */
  mode: 'git' | 'github';
  businessHours: boolean;
  /** Merged PRs counted (after exclusions). */
  merged: number;
  weeklyMerged: number[];
  stages: Record<FlowStage, StageFigures>;
  cycle: StageFigures;
  size: {
    period: Measured<Distribution>;
    bins: SizeBin[];
    /** PRs under the size mark (elite, or the team's target when given). */
    underMark: Measured<{ count: number; total: number; share: number; mark: number }>;
  };
  marks: Required<FlowTargets>;
  targets: FlowTargets;
  /** Newest first. */
  pullRequests: FlowPullRequest[];
  excluded: {
    bots: number;
    reverts: number;
    /** GitHub mode: PRs without GitHub data (no coding, pickup or review). */
    noGitHubData: number;
    /** Merged with no review by anyone but the author (no pickup or review). */
    unreviewed: number;
    /** Not in a release yet (no release stage). */
    unreleased: number;
    /** A stage boundary earlier than the previous one, moved up to it. */
    clockSkew: number;
  };
}

const SIZE_BINS: readonly [string, number, number | null][] = [
  ['< 50', 0, 50],
  ['50–224', 50, 225],
  ['225–399', 225, 400],
  ['400–999', 400, 1000],
  ['≥ 1000', 1000, null],
];

/**
 * By title only (README): a squash commit's message can quote "This reverts commit …" because one of
 * the squashed commits was a revert, while the PR itself adds a feature.
 */
export function isRevertPullRequest(pr: HealthPullRequest): boolean {
  return /^Revert "/.test(pr.title);
}

/** The first review by someone other than the author, or undefined. */
export function firstReviewAt(pr: HealthPullRequest, options: Pick<ResolvedOptions, 'isBot'>): number | undefined {
  const gh = pr.github;
  if (!gh) return undefined;
  const author = gh.author.toLowerCase();
  let first: number | undefined;
  for (const review of gh.reviews) {
    if (review.reviewer.toLowerCase() === author || options.isBot(review.reviewer, '')) continue;
    if (first === undefined || review.submittedAt < first) first = review.submittedAt;
  }
  return first;
}

export function computeFlow(
  input: HealthInput,
  graph: CommitGraph,
  releases: readonly HealthRelease[],
  firstRelease: Int32Array,
  period: Period,
  options: ResolvedOptions,
): FlowReport {
  const mode = input.hasGitHubData ? 'github' : 'git';
  const excluded = { bots: 0, reverts: 0, noGitHubData: 0, unreviewed: 0, unreleased: 0, clockSkew: 0 };
  const rows: FlowPullRequest[] = [];

  for (const pr of input.pullRequests) {
    const week = weekIndex(period, pr.mergedAt);
    if (week < 0) continue;
    if (options.isBot(pr.authorName, pr.authorEmail) || (pr.github && options.isBot(pr.github.author, ''))) {
      excluded.bots++;
      continue;
    }
    if (isRevertPullRequest(pr)) {
      excluded.reverts++;
      continue;
    }
    const row = measurePullRequest(pr, mode, graph, releases, firstRelease, options, excluded);
    row.week = week;
    rows.push(row);
  }
  rows.sort((a, b) => b.mergedAt - a.mergedAt || b.number - a.number);

  const weeks = period.weeks.length;
  const figures = (pick: (row: FlowPullRequest) => number | undefined, what: Counted): StageFigures => {
    const all: number[] = [];
    const perWeek: number[][] = Array.from({ length: weeks }, () => []);
    for (const row of rows) {
      const value = pick(row);
      if (value === undefined) continue;
      all.push(value);
      perWeek[row.week].push(value);
    }
    return {
      period: measuredDistribution(all, options.minSample, what),
      weekly: perWeek.map((values) => measuredDistribution(values, 1, what, 'week')),
    };
  };
  const noGitHub = (stage: 'pickup' | 'review'): StageFigures => {
    const reason =
      stage === 'pickup'
        ? l10n.t('Pickup time needs GitHub data (when a pull request was opened and first reviewed); sign in to GitHub to see it')
        : l10n.t('Review time needs GitHub data (when a pull request was opened and first reviewed); sign in to GitHub to see it');
    return { period: insufficient(reason), weekly: Array.from({ length: weeks }, () => insufficient(reason)) };
  };

  const marks = { ...ELITE_MARKS };
  const sizeMark = options.targets.prSizeLines ?? marks.prSizeLines;
  const sizes = rows.map((r) => r.size);
  const under = sizes.filter((s) => s < sizeMark).length;

  return {
    mode,
    businessHours: options.businessHours !== undefined,
    merged: rows.length,
    weeklyMerged: Array.from({ length: weeks }, (_, w) => rows.filter((r) => r.week === w).length),
    stages: {
      coding: figures((r) => r.coding, 'codedPullRequests'),
      pickup: mode === 'git' ? noGitHub('pickup') : figures((r) => r.pickup, 'reviewedPullRequests'),
      review: mode === 'git' ? noGitHub('review') : figures((r) => r.review, 'reviewedPullRequests'),
      release: figures((r) => r.release, 'releasedPullRequests'),
    },
    cycle: figures((r) => r.cycle, 'mergedPullRequests'),
    size: {
      period: measuredDistribution(sizes, options.minSample, 'mergedPullRequests'),
      bins: SIZE_BINS.map(([label, min, max]) => ({
        label,
        min,
        max,
        count: sizes.filter((s) => s >= min && (max === null || s < max)).length,
      })),
      underMark:
        sizes.length === 0
          ? insufficient(l10n.t('no merged pull requests in this period'))
          : measured({ count: under, total: sizes.length, share: under / sizes.length, mark: sizeMark }),
    },
    marks,
    targets: { ...options.targets },
    pullRequests: rows,
    excluded,
  };
}

function measurePullRequest(
  pr: HealthPullRequest,
  mode: 'git' | 'github',
  graph: CommitGraph,
  releases: readonly HealthRelease[],
  firstRelease: Int32Array,
  options: ResolvedOptions,
  excluded: FlowReport['excluded'],
): FlowPullRequest {
  const hours = options.hoursBetween;
  const merge = pr.mergedAt;
  let skewed = false;
  /** Moves a boundary into [lower, upper], noting clock skew when it had to move. */
  const clamp = (t: number, lower: number, upper: number): number => {
    if (t < lower) {
      skewed = true;
      return lower;
    }
    if (t > upper) {
      skewed = true;
      return upper;
    }
    return t;
  };
  const start = clamp(pr.firstCommitAt, -Infinity, merge);
  const row: FlowPullRequest = {
    number: pr.number,
    title: pr.title,
    url: pr.github?.url,
    kind: pr.kind,
    mergeCommit: pr.mergeCommit,
    mergedAt: merge,
    week: -1,
    size: pr.linesChanged,
    cycle: hours(start, merge),
  };

  if (mode === 'git') {
    row.coding = row.cycle;
  } else if (!pr.github) {
    excluded.noGitHubData++;
  } else {
    const ready = clamp(pr.github.readyAt ?? pr.github.openedAt, start, merge);
    row.coding = hours(start, ready);
    const reviewed = firstReviewAt(pr, options);
    if (reviewed === undefined) {
      excluded.unreviewed++;
    } else {
      // A review on the draft, before "ready", means it was picked up at once: not skew.
      const reviewStart = reviewed < ready ? ready : clamp(reviewed, ready, merge);
      row.pickup = hours(ready, reviewStart);
      row.review = hours(reviewStart, merge);
    }
  }

  const landing = graph.position(pr.mergeCommit);
  const r = landing === undefined ? -1 : firstRelease[landing];
  if (r < 0) {
    excluded.unreleased++;
  } else {
    const release = releases[r];
    row.release = hours(merge, clamp(release.date, merge, Infinity));
    row.releaseName = release.name;
  }
  if (skewed) excluded.clockSkew++;
  return row;
}
