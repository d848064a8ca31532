/**
 * The independent side: Team Health's figures computed from plain git data (health-correctness-git.ts)
 * by following the README's written definitions ("Team Health metrics", "Figures from history"),
 * without the engine or the health model. Deliberately simple and slow-but-obvious.
 */
import { type GitCommit, type GitTag, git, lines } from './health-correctness-git';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const FIRST_POSSIBLE_PR_AT = 1_199_145_600_000; // 2008-01-01, README
const RELEASE_PATTERN = /^v?\d+(\.\d+)*$/;
const HOTFIX_SUBJECT = /\bhot[ -]?fix(es)?\b/i;
const HOTFIX_BRANCH = /(^|\/)hot[-_]?fix([/_-]|$)/i;
const FAILURE_WINDOW = 7 * DAY;
const MIN_SAMPLE = 3;

export interface Distribution {
  n: number;
  median: number;
  p75: number;
  p90: number;
}

/** Hyndman & Fan type 7 (NumPy's default). */
export function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

function distribution(values: number[], minimum = MIN_SAMPLE): Distribution | undefined {
  if (values.length < minimum || values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return { n: values.length, median: quantile(sorted, 0.5), p75: quantile(sorted, 0.75), p90: quantile(sorted, 0.9) };
}

/** Monday 00:00 UTC of the week of `now`, minus weeks − 1 weeks: the period's start. */
export function periodStart(now: number, weeks: number): number {
  const day = new Date(now);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return midnight - sinceMonday * DAY - (weeks - 1) * WEEK;
}

export interface IndependentPr {
  number: number;
  kind: 'merge' | 'squash' | 'rebase';
  title: string;
  branch?: string;
  landing: GitCommit;
  mergedAt: number;
  commits: GitCommit[];
}

/** Merge PRs, then "(#N)" subjects on the first-parent chain (README, "Figures from history"). */
export function pullRequests(
  repo: string,
  commits: GitCommit[],
  byHash: Map<string, GitCommit>,
  from: number,
  to: number,
): IndependentPr[] {
  const prs: IndependentPr[] = [];
  const mergeNumbers = new Set<number>();
  for (const c of commits) {
    const match = /^Merge pull request #(\d+) from (\S+)/.exec(c.subject);
    if (!match || c.parents.length < 2) continue;
    mergeNumbers.add(Number(match[1]));
    if (c.commitTime < from || c.commitTime >= to) continue;
    const own = lines(git(repo, ['rev-list', '--no-merges', `${c.hash}^1..${c.hash}^2`])).map((h) => byHash.get(h)!);
    const title =
      c.body
        .split('\n')
        .slice(1)
        .find((l) => l.trim() !== '') ?? c.subject;
    prs.push({
      number: Number(match[1]),
      kind: 'merge',
      title,
      mergedAt: c.commitTime,
      branch: match[2].replace(/^[^/]*\//, ''),
      landing: c,
      commits: own,
    });
  }
  const mainline: GitCommit[] = [];
  for (let c = byHash.get(commits[0].hash); c; c = c.parents.length > 0 ? byHash.get(c.parents[0]) : undefined) mainline.push(c);
  const groups = new Map<number, GitCommit[]>();
  for (const c of mainline) {
    const match = /\(#(\d+)\)\s*$/.exec(c.subject);
    if (!match || c.parents.length > 1 || c.commitTime < FIRST_POSSIBLE_PR_AT || mergeNumbers.has(Number(match[1]))) continue;
    groups.set(Number(match[1]), [...(groups.get(Number(match[1])) ?? []), c]);
  }
  for (const [number, group] of groups) {
    const landing = group[0]; // newest on the mainline: the last one rebased
    const mergedAt = Math.max(...group.map((c) => c.commitTime)); // README: the latest committer date
    if (mergedAt < from || mergedAt >= to) continue;
    const title = group[group.length - 1].subject.replace(/\s*\(#\d+\)\s*$/, '');
    prs.push({ number, kind: group.length > 1 ? 'rebase' : 'squash', title, landing, mergedAt, commits: group });
  }
  return prs;
}

export interface IndependentFigures {
  periodStart: number;
  merged: number;
  prNumbers: number[];
  botPrs: number;
  revertPrs: number;
  size?: Distribution;
  coding?: Distribution;
  cycle?: Distribution;
  releasesTotal: number;
  releases: GitTag[];
  perDay?: number;
  leadTime?: Distribution;
  leadTimeCommits: number;
  leadTimeOffHead: number;
  leadTimeClockSkew: number;
  failed: number;
  failedByRevert: number;
  failedByHotfix: number;
  revertedBeforeRelease: number;
  reapplies: number;
  recovery?: Distribution;
  recoveryOpen: number;
}

export function flowAndDora(repo: string, commits: GitCommit[], tags: GitTag[], now: number, weeks: number): IndependentFigures {
  const byHash = new Map(commits.map((c) => [c.hash, c]));
  const from = periodStart(now, weeks);
  const inPeriod = (t: number) => t >= from && t < now;

  // Flow: merged PRs of people, revert PRs left out.
  const all = pullRequests(repo, commits, byHash, from, now);
  // README: the author of most of its commits; a tie goes to the newest of them (rev-list order).
  const author = (pr: IndependentPr): GitCommit => {
    const counts = new Map<string, number>();
    for (const c of pr.commits) counts.set(c.email, (counts.get(c.email) ?? 0) + 1);
    const most = Math.max(...counts.values());
    return pr.commits.find((c) => counts.get(c.email) === most) ?? pr.landing;
  };
  const botPrs = all.filter((pr) => author(pr).bot);
  const revertPrs = all.filter((pr) => !author(pr).bot && /^Revert "/.test(pr.title));
  const counted = all.filter((pr) => !author(pr).bot && !/^Revert "/.test(pr.title));
  const sizes = counted.map((pr) => pr.commits.reduce((s, c) => s + [...c.files.values()].reduce((a, b) => a + b, 0), 0));
  // README: from the earliest author date of its commits and landing commit to its merge.
  const cycles = counted.map(
    (pr) => Math.max(0, pr.mergedAt - Math.min(pr.landing.authorTime, ...pr.commits.map((c) => c.authorTime))) / HOUR,
  );

  // Releases: matching tags, by date; a commit's first release is the earliest-dated one containing it.
  const releases = tags
    .filter((t) => RELEASE_PATTERN.test(t.name) && t.date <= now)
    .sort((a, b) => a.date - b.date || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const periodReleases = releases.filter((r) => inPeriod(r.date));
  // README: a release contains its commit's ancestors, wherever the tag is (git tag --contains).
  const containers = releases;
  const firstRelease = new Map<string, GitTag>();
  const leads: number[] = [];
  let offHead = 0;
  let clockSkew = 0;
  for (const release of containers.filter((r) => inPeriod(r.date))) {
    const earlier = containers.slice(0, containers.indexOf(release)).map((r) => r.commit);
    const shipped = lines(git(repo, ['rev-list', '--no-merges', '--stdin', release.commit], earlier.map((h) => `^${h}`).join('\n') + '\n'));
    for (const hash of shipped) {
      const c = byHash.get(hash);
      if (!c) {
        offHead++;
        continue;
      }
      firstRelease.set(hash, release);
      if (c.bot) continue;
      const lead = release.date - Math.min(c.authorTime, c.commitTime);
      if (lead < 0) clockSkew++;
      leads.push(Math.max(0, lead) / HOUR);
    }
  }
  // Commits first released before the period, for reverts of them (release before the period,
  // revert inside its window) — found the same way, one release at a time.
  const firstReleaseOf = (hash: string): GitTag | undefined => {
    if (firstRelease.has(hash)) return firstRelease.get(hash);
    const containing = new Set(lines(git(repo, ['tag', '--contains', hash])));
    return containers.find((r) => containing.has(r.name));
  };

  // Change failure rate.
  const failures = new Map<GitTag, { cause: 'revert' | 'hotfix'; fix: GitCommit }[]>();
  let revertedBeforeRelease = 0;
  let reapplies = 0;
  /** The quoted id of "This reverts commit <id>" (the first such line), or undefined for no revert. */
  const revertedId = (c: GitCommit) => /This reverts commit ([0-9a-f]{7,64})/.exec(c.body)?.[1];
  const resolve = (id: string) => byHash.get(id) ?? commits.find((x) => x.hash.startsWith(id));
  const windowStart = from - FAILURE_WINDOW;
  const hotfixes = new Map<string, GitCommit>();
  const inHotfixPr = new Set<string>();
  for (const c of commits) {
    if (c.bot || c.commitTime < windowStart || c.commitTime >= now) continue;
    const id = revertedId(c);
    if (id !== undefined) {
      const target = resolve(id);
      if (target && revertedId(target) !== undefined) {
        if (inPeriod(c.commitTime)) reapplies++;
        continue;
      }
      const shipped = target && firstReleaseOf(target.hash);
      // Not in the history, in no release, or reverted before its first release: never in production.
      if (!shipped || shipped.date > c.commitTime) {
        if (inPeriod(c.commitTime)) revertedBeforeRelease++;
        continue;
      }
      if (inPeriod(shipped.date) && c.commitTime - shipped.date <= FAILURE_WINDOW) {
        failures.set(shipped, [...(failures.get(shipped) ?? []), { cause: 'revert', fix: c }]);
      }
      continue;
    }
    // Hotfixes: non-merge subjects, and merge PRs by title or head branch.
    const mergeBranch = c.parents.length > 1 ? /^Merge pull request #\d+ from \S+?\/(\S+)/.exec(c.subject)?.[1] : undefined;
    if (mergeBranch !== undefined) {
      const title =
        c.body
          .split('\n')
          .slice(1)
          .find((l) => l.trim() !== '') ?? '';
      if (!HOTFIX_SUBJECT.test(title) && !HOTFIX_BRANCH.test(mergeBranch)) continue;
      hotfixes.set(c.hash, c);
      // The PR's own commits are the same fix: its landing commit stands for them.
      for (const own of lines(git(repo, ['rev-list', `${c.hash}^1..${c.hash}^2`]))) inHotfixPr.add(own);
    } else if (c.parents.length <= 1 && HOTFIX_SUBJECT.test(c.subject)) hotfixes.set(c.hash, c);
  }
  for (const c of hotfixes.values()) {
    if (inHotfixPr.has(c.hash)) continue;
    const before = releases.filter((r) => r.date <= c.commitTime && r.commit !== c.hash).pop();
    if (before && inPeriod(before.date) && c.commitTime - before.date <= FAILURE_WINDOW) {
      failures.set(before, [...(failures.get(before) ?? []), { cause: 'hotfix', fix: c }]);
    }
  }
  const recoveries: number[] = [];
  let open = 0;
  for (const [release, causes] of failures) {
    const fixedAt = causes
      .map((cause) => firstReleaseOf(cause.fix.hash)?.date)
      .filter((d): d is number => d !== undefined)
      .sort((a, b) => a - b)[0];
    if (fixedAt === undefined) open++;
    else recoveries.push((fixedAt - release.date) / HOUR);
  }
  const days = (now - from) / DAY;
  return {
    periodStart: from,
    merged: counted.length,
    prNumbers: counted.map((pr) => pr.number),
    botPrs: botPrs.length,
    revertPrs: revertPrs.length,
    size: distribution(sizes),
    coding: distribution(cycles),
    cycle: distribution(cycles),
    releasesTotal: releases.length,
    releases: periodReleases,
    perDay: periodReleases.length > 0 ? periodReleases.length / days : undefined,
    leadTime: distribution(leads),
    leadTimeCommits: leads.length,
    leadTimeOffHead: offHead,
    leadTimeClockSkew: clockSkew,
    failed: failures.size,
    failedByRevert: [...failures.values()].filter((c) => c.some((x) => x.cause === 'revert')).length,
    failedByHotfix: [...failures.values()].filter((c) => c.some((x) => x.cause === 'hotfix')).length,
    revertedBeforeRelease,
    reapplies,
    recovery: distribution(recoveries, 1),
    recoveryOpen: open,
  };
}
