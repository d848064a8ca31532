/**
 * DORA's four keys, with the definitions and performance clusters of the 2024 Accelerate State of
 * DevOps report. Pure. Calendar time throughout (DORA's figures are not in business hours).
 *
 * - What counts as a release (DORA's "deployment") is a parameter: tags whose name matches a pattern,
 *   GitHub releases, or GitHub deployments to an environment. Releases dated after "now" are ignored.
 * - Deployment frequency: releases in the period ÷ days in the period (also per week).
 * - Lead time for changes: for every non-merge commit by a person (not a bot) whose first release
 *   (earliest-dated release that has it as an ancestor) falls in the period: change time → that
 *   release's date. Change time is the earlier of author and committer date; for a squash merge, the
 *   PR's first commit when that is earlier. Median and p75/p90.
 * - Change failure rate: releases in the period that failed ÷ releases in the period. A release failed
 *   when, within the failure window after it, (a) a commit it was the first to ship is reverted, or
 *   (b) a hotfix lands (a commit subject, PR title or PR head branch matching the hotfix patterns) and
 *   it was the latest release before that hotfix.
 * - Failed-deployment recovery time: failed release → the first release that contains the revert or
 *   hotfix. Failures whose fix is in no release yet are "open" and left out of the median.
 */
import * as l10n from '@vscode/l10n';
import type { CommitGraph } from './graph';
import type { HealthInput, HealthRelease } from './input';
import { safeRegExp, type ResolvedOptions } from './options';
import { inPeriod, periodDays, weekIndex, type Period } from './period';
import { DAY, HOUR, insufficient, measured, measuredDistribution, type Distribution, type Measured } from './stats';
import { wallClockAt } from '../../core/time/wallclock';

export type DoraClusterId = 'elite' | 'high' | 'medium' | 'low';

export interface DoraClusterRow {
  id: DoraClusterId;
  label: string;
  /** Share of the report's respondents in this cluster. */
  share: number;
  deploymentFrequency: string;
  leadTime: string;
  /** As the report prints it. */
  changeFailureRate: string;
  recoveryTime: string;
}

/**
 * The 2024 report's software delivery performance levels, as data the view cites. Every number and
 * phrase checked against the report's table on p. 13 (shares are the table's point estimates; its
 * 89 % intervals are 18–20 %, 21–23 %, 33–36 % and 23–26 %). Its words are getters, translated when read.
 */
export const DORA_2024 = {
  get citation(): string {
    return l10n.t('DORA, Accelerate State of DevOps Report 2024 (Google Cloud), "Software delivery performance levels", p. 13');
  },
  url: 'https://dora.dev/research/2024/dora-report/',
  get clusters(): DoraClusterRow[] {
    return [
      {
        id: 'elite',
        label: l10n.t('Elite'),
        share: 0.19,
        deploymentFrequency: l10n.t('On demand (multiple deploys per day)'),
        leadTime: l10n.t('Less than one day'),
        changeFailureRate: '5%',
        recoveryTime: l10n.t('Less than one hour'),
      },
      {
        id: 'high',
        label: l10n.t('High'),
        share: 0.22,
        deploymentFrequency: l10n.t('Between once per day and once per week'),
        leadTime: l10n.t('Between one day and one week'),
        changeFailureRate: '20%',
        recoveryTime: l10n.t('Less than one day'),
      },
      {
        id: 'medium',
        label: l10n.t('Medium'),
        share: 0.35,
        deploymentFrequency: l10n.t('Between once per week and once per month'),
        leadTime: l10n.t('Between one week and one month'),
        changeFailureRate: '10%',
        recoveryTime: l10n.t('Less than one day'),
      },
      {
        id: 'low',
        label: l10n.t('Low'),
        share: 0.25,
        deploymentFrequency: l10n.t('Between once per month and once every six months'),
        leadTime: l10n.t('Between one month and six months'),
        changeFailureRate: '40%',
        recoveryTime: l10n.t('Between one week and one month'),
      },
    ];
  },
};

export interface ClusterMatch {
  /** `below-low`: slower (or less stable) than the report's low cluster. */
  cluster: DoraClusterId | 'below-low';
  /** How the figure was placed, when the report's ranges leave room for doubt. */
  note?: string;
  /** The figure falls in a gap between two clusters' ranges (it is placed with the slower one). */
  between?: readonly [DoraClusterId, DoraClusterId];
}

export interface DoraRelease {
  name: string;
  commit: string;
  date: number;
  week: number;
  failed: boolean;
}

export interface DoraFailure {
  release: string;
  releaseDate: number;
  cause: 'revert' | 'hotfix';
  /** The revert or hotfix commit. */
  fixCommit: string;
  fixSubject: string;
  fixAt: number;
  /** The first release containing the fix, if any yet. */
  recoveredBy?: string;
  recoveryHours?: number;
}

export interface DoraReport {
  /** The 2024 report's clusters, for the view to cite beside the figures. */
  reference: typeof DORA_2024;
  selection: { source: HealthRelease['source']; pattern?: string; environment?: string; patternValid: boolean };
  /** Releases of that kind in the whole history (any date up to now). */
  releasesTotal: number;
  /** In the period, newest first. */
  releases: DoraRelease[];
  /** Selected releases whose commit is not in the read history (other branches, rewritten history). */
  releasesOffHistory: number;
  /** With tags as releases: tags that point at a tree or a blob, so they are not releases. */
  tagsNotCommits: readonly string[];
  weeklyReleases: number[];
  deploymentFrequency: Measured<{ releases: number; perDay: number; perWeek: number; releaseDays: number; cluster: ClusterMatch }>;
  leadTime: Measured<{ hours: Distribution; cluster: ClusterMatch }>;
  leadTimeWeekly: Measured<Distribution>[];
  changeFailureRate: Measured<{ failed: number; total: number; rate: number; cluster: ClusterMatch }>;
  recoveryTime: Measured<{ hours: Distribution; open: number; cluster: ClusterMatch }>;
  /** Failures of releases in the period, newest first. */
  failures: DoraFailure[];
  excluded: {
    /** Commits by bots left out of lead time. */
    bots: number;
    /** Commits made in the period that no release contains yet. */
    unreleased: number;
    /** Lead times below zero (a release dated before its commit), counted as 0. */
    clockSkew: number;
    /** Reverts in the period of commits not released when reverted: caught before production, not a failed deployment. */
    revertedBeforeRelease: number;
    /** Reverts of reverts ("reapply") in the period. */
    reapplies: number;
  };
}

/** The releases the selection counts, oldest first, dated no later than `now`. */
export function selectReleases(input: HealthInput, options: ResolvedOptions): HealthRelease[] {
  const { source, pattern, environment } = options.release;
  const matches = safeRegExp(pattern);
  return input.releases
    .filter(
      (r) =>
        r.source === source &&
        r.date <= options.now &&
        matches.test(r.name) &&
        (source !== 'deployment' || environment === undefined || r.environment === environment),
    )
    .sort((a, b) => a.date - b.date || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function computeDora(
  input: HealthInput,
  graph: CommitGraph,
  releases: readonly HealthRelease[],
  firstRelease: Int32Array,
  period: Period,
  options: ResolvedOptions,
): DoraReport {
  const weeks = period.weeks.length;
  const selection = { ...options.release, patternValid: safeRegExp(options.release.pattern).valid };
  const excluded = { bots: 0, unreleased: 0, clockSkew: 0, revertedBeforeRelease: 0, reapplies: 0 };

  // Squash merges: the change started at the PR's first commit when that is known to be earlier.
  const squashStart = new Map<number, number>();
  for (const pr of input.pullRequests) {
    const at = pr.kind === 'squash' ? graph.position(pr.mergeCommit) : undefined;
    if (at !== undefined) squashStart.set(at, pr.firstCommitAt);
  }

  const lead: number[] = [];
  const leadWeekly: number[][] = Array.from({ length: weeks }, () => []);
  const commits = graph.commits;
  const bots = graph.botFlags(options.isBot);
  // Which release weeks fall in the period: looked up once per release, not per commit.
  const releaseWeek = releases.map((r) => weekIndex(period, r.date));
  const { isMerge, committedAt, changedAt } = graph;
  for (let i = 0; i < commits.length; i++) {
    if (isMerge[i] === 1) continue;
    const r = firstRelease[i];
    if (r < 0) {
      if (bots[i] === 0 && inPeriod(period, committedAt[i])) excluded.unreleased++;
      continue;
    }
    const week = releaseWeek[r];
    if (week < 0) continue;
    if (bots[i] === 1) {
      excluded.bots++;
      continue;
    }
    const release = releases[r];
    const started = Math.min(changedAt[i], squashStart.get(i) ?? Infinity);
    let hours = (release.date - started) / HOUR;
    if (hours < 0) {
      excluded.clockSkew++;
      hours = 0;
    }
    lead.push(hours);
    leadWeekly[week].push(hours);
  }

  const failures = findFailures(input, graph, releases, firstRelease, period, options, excluded);
  const failedNames = new Set(failures.map((f) => f.release));
  const inPeriodReleases = releases.filter((r) => inPeriod(period, r.date));
  const releaseRows: DoraRelease[] = inPeriodReleases
    .map((r) => ({ name: r.name, commit: r.commit, date: r.date, week: weekIndex(period, r.date), failed: failedNames.has(r.name) }))
    .reverse();
  const periodFailures = failures.filter((f) => inPeriod(period, f.releaseDate)).sort((a, b) => b.releaseDate - a.releaseDate);

  const none = noReleaseReason(input, releases, options);
  const days = periodDays(period);
  const count = inPeriodReleases.length;
  const releaseDays = new Set(inPeriodReleases.map((r) => wallClockAt(r.date, period.timeZone).dayKey)).size;

  const leadDist = measuredDistribution(lead, options.minSample, 'releasedCommits');
  const failedCount = releaseRows.filter((r) => r.failed).length;
  const recovered = periodFailures.filter((f) => f.recoveryHours !== undefined).map((f) => f.recoveryHours!);
  const recoveryDist = measuredDistribution(recovered, 1, 'recoveredReleases');

  return {
    reference: DORA_2024,
    selection,
    releasesTotal: releases.length,
    releases: releaseRows,
    releasesOffHistory: releases.filter((r) => graph.position(r.commit) === undefined).length,
    tagsNotCommits: options.release.source === 'tag' ? (input.tagsNotCommits ?? []) : [],
    weeklyReleases: Array.from({ length: weeks }, (_, w) => releaseRows.filter((r) => r.week === w).length),
    deploymentFrequency:
      count === 0
        ? insufficient(none ?? l10n.t('no release in this period'))
        : measured({
            releases: count,
            perDay: count / days,
            perWeek: (count / days) * 7,
            releaseDays,
            cluster: frequencyCluster(count / days),
          }),
    leadTime: leadDist.ok
      ? measured({ hours: leadDist.value, cluster: leadTimeCluster(leadDist.value.median) })
      : insufficient(none ?? leadDist.reason),
    leadTimeWeekly: leadWeekly.map((values) => measuredDistribution(values, 1, 'releasedCommits', 'week')),
    changeFailureRate:
      count < options.minSample
        ? insufficient(
            none ??
              (count === 1
                ? l10n.t('only 1 release in this period; {0} needed for a rate', options.minSample)
                : l10n.t('only {0} releases in this period; {1} needed for a rate', count, options.minSample)),
          )
        : measured({ failed: failedCount, total: count, rate: failedCount / count, cluster: failureRateCluster(failedCount / count) }),
    recoveryTime:
      failedCount === 0
        ? insufficient(
            count === 0
              ? (none ?? l10n.t('no release in this period'))
              : l10n.t('no failed release in this period: nothing to recover from'),
          )
        : recoveryDist.ok
          ? measured({
              hours: recoveryDist.value,
              open: periodFailures.length - recovered.length,
              cluster: recoveryCluster(recoveryDist.value.median),
            })
          : insufficient(
              failedCount === 1
                ? l10n.t('1 failed release, not fixed by a later release yet')
                : l10n.t('{0} failed releases, none fixed by a later release yet', failedCount),
            ),
    failures: periodFailures,
    excluded,
  };
}

/** Why there are no releases at all, when that is the case (no tags, or none matching). */
function noReleaseReason(input: HealthInput, selected: readonly HealthRelease[], options: ResolvedOptions): string | undefined {
  if (selected.length > 0) return undefined;
  const { source, pattern, environment } = options.release;
  const ofSource = input.releases.filter((r) => r.source === source);
  const n = ofSource.length;
  const shown = pattern ?? '';
  if (n === 0) {
    if (source === 'tag')
      return l10n.t(
        'this repository has no tags, so nothing marks a release; tag releases, or count GitHub releases or deployments instead',
      );
    if (source === 'github-release')
      return input.hasGitHubData
        ? l10n.t('no GitHub releases were found')
        : l10n.t('no GitHub releases were found (sign in to GitHub to read them)');
    return input.hasGitHubData
      ? l10n.t('no GitHub deployments were found')
      : l10n.t('no GitHub deployments were found (sign in to GitHub to read them)');
  }
  if (!safeRegExp(pattern).valid) return l10n.t('the release pattern /{0}/ is not a valid regular expression', shown);
  if (source === 'deployment')
    return environment
      ? l10n.t('none of the {0} GitHub deployments went to the environment "{1}"', n, environment)
      : l10n.t('none of the {0} GitHub deployments match the release pattern /{1}/', n, shown);
  return source === 'tag'
    ? l10n.t('none of the {0} tags match the release pattern /{1}/', n, shown)
    : l10n.t('none of the {0} GitHub releases match the release pattern /{1}/', n, shown);
}

function findFailures(
  input: HealthInput,
  graph: CommitGraph,
  releases: readonly HealthRelease[],
  firstRelease: Int32Array,
  period: Period,
  options: ResolvedOptions,
  excluded: DoraReport['excluded'],
): DoraFailure[] {
  const window = options.failure.windowDays * DAY;
  const causes: DoraFailure[] = [];
  const revertCommits = new Set(input.reverts.map((r) => r.revertCommit));
  const fixRelease = (hash: string): HealthRelease | undefined => {
    const at = graph.position(hash);
    const r = at === undefined ? -1 : firstRelease[at];
    return r < 0 ? undefined : releases[r];
  };
  const add = (release: HealthRelease, cause: DoraFailure['cause'], fix: string, subject: string, fixAt: number) => {
    const fixed = fixRelease(fix);
    causes.push({
      release: release.name,
      releaseDate: release.date,
      cause,
      fixCommit: fix,
      fixSubject: subject,
      fixAt,
      recoveredBy: fixed?.name,
      recoveryHours: fixed ? Math.max(0, fixed.date - release.date) / HOUR : undefined,
    });
  };

  for (const revert of input.reverts) {
    if (revert.revertedAt > options.now) continue;
    // What is left out is counted for the reverts that landed in the period, the ones a reader of
    // the period's rate would look for.
    const landedInPeriod = inPeriod(period, revert.revertedAt);
    if (revertCommits.has(revert.revertedCommit)) {
      if (landedInPeriod) excluded.reapplies++;
      continue;
    }
    const at = graph.position(revert.revertedCommit);
    const r = at === undefined ? -1 : firstRelease[at];
    // Never released, or reverted before its first release shipped it: caught before production.
    if (r < 0 || revert.revertedAt < releases[r].date) {
      if (landedInPeriod) excluded.revertedBeforeRelease++;
      continue;
    }
    const release = releases[r];
    if (revert.revertedAt - release.date <= window) {
      add(release, 'revert', revert.revertCommit, graph.get(revert.revertCommit)?.subject ?? 'Revert', revert.revertedAt);
    }
  }

  // Hotfixes: commit subjects, and PRs by title or head branch (their landing commit is the fix).
  const subject = safeRegExp(options.failure.hotfixSubject, 'i');
  const branch = safeRegExp(options.failure.hotfixBranch, 'i');
  // Commit subjects matching the pattern: one pass per history and pattern, kept across periods.
  const bySubject = graph.memo(`hotfix-subjects:${options.failure.hotfixSubject}`, () => {
    const found: number[] = [];
    if (!options.failure.hotfixSubject) return found;
    graph.commits.forEach((c, i) => {
      if (c.parents.length <= 1 && subject.test(c.subject)) found.push(i);
    });
    return found;
  });
  const hotfixes = new Map<string, { at: number; subject: string }>();
  for (const i of bySubject) {
    const c = graph.commits[i];
    if (!revertCommits.has(c.hash)) hotfixes.set(c.hash, { at: c.committer.time, subject: c.subject });
  }
  for (const pr of input.pullRequests) {
    const byTitle = options.failure.hotfixSubject !== '' && subject.test(pr.title);
    const byBranch = options.failure.hotfixBranch !== '' && pr.sourceBranch !== undefined && branch.test(pr.sourceBranch);
    if ((byTitle || byBranch) && !hotfixes.has(pr.mergeCommit)) hotfixes.set(pr.mergeCommit, { at: pr.mergedAt, subject: pr.title });
    // A hotfix PR's own commits are one fix, not several: the landing commit stands for them.
    if (byTitle || byBranch) for (const h of pr.commits) if (h !== pr.mergeCommit) hotfixes.delete(h);
  }
  const dates = releases.map((r) => r.date);
  for (const [hash, fix] of hotfixes) {
    if (fix.at > options.now) continue;
    // The latest release at or before the hotfix.
    let lo = 0;
    let hi = dates.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (dates[mid] <= fix.at) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) continue;
    const release = releases[found];
    // A hotfix that is itself the released commit fixes the release before it, not itself.
    if (release.commit === hash) {
      if (found === 0) continue;
      const previous = releases[found - 1];
      if (fix.at - previous.date <= window) add(previous, 'hotfix', hash, fix.subject, fix.at);
      continue;
    }
    if (fix.at - release.date <= window) add(release, 'hotfix', hash, fix.subject, fix.at);
  }

  // One failure per release: the cause fixed first (or found first, when none is fixed yet).
  const byRelease = new Map<string, DoraFailure>();
  for (const f of causes.sort((a, b) => a.fixAt - b.fixAt)) {
    const known = byRelease.get(f.release);
    if (!known) byRelease.set(f.release, f);
    else if (known.recoveryHours === undefined && f.recoveryHours !== undefined) byRelease.set(f.release, f);
    else if (known.recoveryHours !== undefined && f.recoveryHours !== undefined && f.recoveryHours < known.recoveryHours) {
      byRelease.set(f.release, f);
    }
  }
  return [...byRelease.values()];
}

const H_DAY = 24;
const H_WEEK = 7 * H_DAY;
const H_MONTH = 30 * H_DAY;
const H_SIX_MONTHS = 182.5 * H_DAY;

/** Releases per day against the report's frequency ranges. */
export function frequencyCluster(perDay: number): ClusterMatch {
  if (perDay >= 1) return { cluster: 'elite', note: l10n.t('one release a day or more, on average') };
  if (perDay * 7 >= 1) return { cluster: 'high' };
  if (perDay * 30 >= 1) return { cluster: 'medium' };
  if (perDay * 182.5 >= 1) return { cluster: 'low' };
  return { cluster: 'below-low' };
}

/** Median lead time in hours against the report's ranges. */
export function leadTimeCluster(hours: number): ClusterMatch {
  if (hours < H_DAY) return { cluster: 'elite' };
  if (hours < H_WEEK) return { cluster: 'high' };
  if (hours < H_MONTH) return { cluster: 'medium' };
  if (hours < H_SIX_MONTHS) return { cluster: 'low' };
  return { cluster: 'below-low' };
}

/**
 * The report gives one typical rate per cluster (5 %, 20 %, 10 %, 40 %), not ranges: a rate is placed
 * with the cluster whose typical rate is nearest (< 7.5 % elite, < 15 % medium, < 30 % high, else low).
 */
export function failureRateCluster(rate: number): ClusterMatch {
  const note = l10n.t(
    'nearest typical rate of a cluster; in the 2024 report the medium cluster (10%) fails less often than the high one (20%)',
  );
  if (rate < 0.075) return { cluster: 'elite', note };
  if (rate < 0.15) return { cluster: 'medium', note };
  if (rate < 0.3) return { cluster: 'high', note };
  return { cluster: 'low', note };
}

/** Median recovery time in hours. The report's high and medium clusters share "less than one day". */
export function recoveryCluster(hours: number): ClusterMatch {
  if (hours < 1) return { cluster: 'elite' };
  if (hours < H_DAY) return { cluster: 'high', note: l10n.t('the high and medium clusters both recover in less than one day') };
  if (hours < H_WEEK)
    return {
      cluster: 'low',
      between: ['medium', 'low'],
      note: l10n.t('between one day and one week: slower than the medium cluster, faster than the low one'),
    };
  if (hours < H_MONTH) return { cluster: 'low' };
  return { cluster: 'below-low' };
}
