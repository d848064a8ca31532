/**
 * Team Health's figures against an independent computation from plain `git` commands and the
 * README's written definitions ("Team Health metrics", "Figures from history"), on whole
 * repositories. Prints one Markdown table per repository and period and every difference; exits 1
 * if there is any.
 *
 *   npx tsx scripts/bench/health-correctness.ts              # the real repositories in the bench cache
 *   npx tsx scripts/bench/health-correctness.ts /path/to/repo …
 *   npx tsx scripts/bench/health-correctness.ts --sweep [repo…]   # plus one 52-week period a year
 *
 * Periods: 26 and 12 weeks ending an hour after the newest commit, and 26 weeks ending at the date
 * of the middle release (an edge: a release exactly at "now"). Time zone UTC, default settings.
 * With --sweep, also 52 weeks ending at each Monday 00:00 UTC that opens a year of the history (an
 * edge too: "now" exactly at a week's start), for more failures, hotfixes and reverts.
 */
import * as os from 'node:os';
import type { HealthReport } from '../../src/health/model/report';
import { REAL_REPOS, headOf, realRepoPath } from './git-repos';
import { GIT_COMMANDS, headFiles, headFilesExact, readCommits, readTags } from './health-correctness-git';
import { type Distribution, type IndependentFigures, flowAndDora } from './health-correctness-figures';
import { type IndependentKnowledge, knowledge } from './health-correctness-knowledge';
import { ourInput, ourReport } from './health-correctness-ours';

interface Row {
  figure: string;
  ours: string;
  git: string;
  same: boolean;
}

const TOLERANCE = 1e-6;
const RELEASE_PATTERN = /^v?\d+(\.\d+)*$/;

function numberRow(figure: string, ours: number | undefined, theirs: number | undefined, digits = 2): Row {
  const show = (v: number | undefined) => (v === undefined ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(digits));
  const same =
    ours === undefined || theirs === undefined ? ours === theirs : Math.abs(ours - theirs) <= TOLERANCE * Math.max(1, Math.abs(theirs));
  return { figure, ours: show(ours), git: show(theirs), same };
}

function distributionRows(
  figure: string,
  ours: { ok: boolean; value?: { n: number; median: number; p75: number; p90: number } },
  theirs: Distribution | undefined,
  percentiles: boolean,
): Row[] {
  const value = ours.ok ? ours.value : undefined;
  const rows = [numberRow(`${figure}: n`, value?.n, theirs?.n), numberRow(`${figure}: median`, value?.median, theirs?.median)];
  if (percentiles) rows.push(numberRow(`${figure}: p75`, value?.p75, theirs?.p75), numberRow(`${figure}: p90`, value?.p90, theirs?.p90));
  return rows;
}

function setRow(figure: string, ours: string[], theirs: string[]): Row {
  const a = new Set(ours);
  const b = new Set(theirs);
  const onlyOurs = [...a].filter((x) => !b.has(x));
  const onlyGit = [...b].filter((x) => !a.has(x));
  const same = onlyOurs.length === 0 && onlyGit.length === 0;
  return {
    figure,
    ours: `${a.size}${onlyOurs.length ? ` (only ours: ${onlyOurs.slice(0, 8).join(', ')})` : ''}`,
    git: `${b.size}${onlyGit.length ? ` (only git: ${onlyGit.slice(0, 8).join(', ')})` : ''}`,
    same,
  };
}

function compareFlowAndDora(r: HealthReport, t: IndependentFigures): Row[] {
  const rows: Row[] = [numberRow('period start (ms)', r.period.start, t.periodStart)];
  rows.push(
    setRow(
      'merged PRs (numbers)',
      r.flow.pullRequests.map((p) => `#${p.number}`),
      t.prNumbers.map((n) => `#${n}`),
    ),
  );
  rows.push(numberRow('merged PRs', r.flow.merged, t.merged));
  rows.push(numberRow('bot PRs left out', r.flow.excluded.bots, t.botPrs));
  rows.push(numberRow('revert PRs left out', r.flow.excluded.reverts, t.revertPrs));
  rows.push(...distributionRows('PR size (lines)', r.flow.size.period, t.size, false));
  rows.push(...distributionRows('coding time (h)', r.flow.stages.coding.period, t.coding, false));
  rows.push(...distributionRows('cycle time (h)', r.flow.cycle.period, t.cycle, false));
  rows.push(numberRow('releases in all history (to now)', r.dora.releasesTotal, t.releasesTotal));
  rows.push(
    setRow(
      'releases in the period',
      r.dora.releases.map((x) => x.name),
      t.releases.map((x) => x.name),
    ),
  );
  const freq = r.dora.deploymentFrequency.ok ? r.dora.deploymentFrequency.value : undefined;
  rows.push(numberRow('deployment frequency (per day)', freq?.perDay, t.perDay, 4));
  rows.push(numberRow('deployment frequency (per week)', freq?.perWeek, t.perDay === undefined ? undefined : t.perDay * 7, 4));
  rows.push(
    ...distributionRows(
      'lead time (h)',
      r.dora.leadTime.ok ? { ok: true, value: r.dora.leadTime.value.hours } : { ok: false },
      t.leadTime,
      true,
    ),
  );
  rows.push(numberRow('lead time: clock skew counted 0', r.dora.excluded.clockSkew, t.leadTimeClockSkew));
  const cfr = r.dora.changeFailureRate.ok ? r.dora.changeFailureRate.value : undefined;
  rows.push(numberRow('failed releases', r.dora.releases.filter((x) => x.failed).length, t.failed));
  rows.push(numberRow('change failure rate', cfr?.rate, t.releases.length >= 3 ? t.failed / t.releases.length : undefined, 4));
  rows.push(
    numberRow(
      'failures caused by a revert',
      new Set(r.dora.failures.filter((f) => f.cause === 'revert').map((f) => f.release)).size,
      t.failedByRevert,
    ),
  );
  rows.push(
    numberRow(
      'failures caused by a hotfix',
      new Set(r.dora.failures.filter((f) => f.cause === 'hotfix').map((f) => f.release)).size,
      t.failedByHotfix,
    ),
  );
  rows.push(numberRow('reverts of never-released commits', r.dora.excluded.revertedBeforeRelease, t.revertedBeforeRelease));
  rows.push(numberRow('reverts of reverts', r.dora.excluded.reapplies, t.reapplies));
  const recovery = r.dora.recoveryTime.ok ? r.dora.recoveryTime.value : undefined;
  rows.push(
    ...distributionRows(
      'recovery time (h)',
      r.dora.recoveryTime.ok ? { ok: true, value: r.dora.recoveryTime.value.hours } : { ok: false },
      t.recovery,
      false,
    ),
  );
  rows.push(numberRow('failures not recovered yet', recovery?.open, r.dora.recoveryTime.ok ? t.recoveryOpen : undefined));
  return rows;
}

function compareKnowledge(r: HealthReport, k: IndependentKnowledge): Row[] {
  const tf = r.knowledge.truckFactor.ok ? r.knowledge.truckFactor.value : undefined;
  return [
    numberRow('knowledge: files at HEAD', tf?.files, k.files),
    numberRow('knowledge: files with no author', tf?.filesWithoutAuthor, k.filesWithoutAuthor),
    numberRow('truck factor', tf?.value, k.truckFactor),
    {
      figure: 'truck factor: people, in order',
      ours: tf?.people.map((p) => p.email).join(', ') ?? '—',
      git: k.people.join(', '),
      same: (tf?.people.map((p) => p.email).join(',') ?? '') === k.people.join(','),
    },
    numberRow('files known by one person', r.knowledge.singleAuthorFiles, k.singleAuthorFiles),
    {
      figure: 'truck factor of each top folder',
      ours: r.knowledge.topFolders
        .map((f) => `${f.path || '(root)'} ${f.truckFactor.value}`)
        .sort()
        .join(', '),
      git: [...k.topFolders]
        .map(([p, v]) => `${p || '(root)'} ${v}`)
        .sort()
        .join(', '),
      same:
        r.knowledge.topFolders
          .map((f) => `${f.path} ${f.truckFactor.value}`)
          .sort()
          .join() ===
        [...k.topFolders]
          .map(([p, v]) => `${p} ${v}`)
          .sort()
          .join(),
    },
  ];
}

function printTable(title: string, rows: Row[]): number {
  console.log(`\n### ${title}\n`);
  console.log('| figure | ours | git / independent | difference |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.figure} | ${row.ours} | ${row.git} | ${row.same ? '' : '**differs**'} |`);
  return rows.filter((r) => !r.same).length;
}

const WEEK_MS = 7 * 86_400_000;

/** Mondays 00:00 UTC in the first week of each year from the first commit's year to the last's. */
function yearlyMondays(firstAt: number, lastAt: number): number[] {
  const mondays: number[] = [];
  for (let year = new Date(firstAt).getUTCFullYear() + 1; year <= new Date(lastAt).getUTCFullYear(); year++) {
    const jan1 = Date.UTC(year, 0, 1);
    mondays.push(jan1 + ((8 - new Date(jan1).getUTCDay()) % 7) * 86_400_000);
  }
  return mondays;
}

async function checkRepo(name: string, repo: string, sweep: boolean): Promise<number> {
  const files = headFiles(repo);
  const commits = readCommits(repo);
  const tags = readTags(repo);
  const { input, newestCommitAt } = await ourInput(repo, headFilesExact(repo));
  const releases = tags.filter((t) => RELEASE_PATTERN.test(t.name)).sort((a, b) => a.date - b.date);
  const latest = newestCommitAt + 3_600_000;
  const middle = releases[Math.floor(releases.length / 2)];
  const periods: { label: string; now: number; weeks: number; knowledge: boolean }[] = [
    { label: 'newest commit + 1 h', now: latest, weeks: 26, knowledge: true },
    { label: 'newest commit + 1 h', now: latest, weeks: 12, knowledge: false },
    ...(middle ? [{ label: `date of release ${middle.name}`, now: middle.date, weeks: 26, knowledge: false }] : []),
    ...(sweep
      ? yearlyMondays(Math.min(...commits.map((c) => c.commitTime)), latest - WEEK_MS).map((now) => ({
          label: 'a Monday 00:00 UTC',
          now,
          weeks: 52,
          knowledge: false,
        }))
      : []),
  ];
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  let differences = 0;
  for (const period of periods) {
    const report = ourReport(input, period.now, period.weeks);
    const rows = compareFlowAndDora(report, flowAndDora(repo, commits, tags, period.now, period.weeks));
    if (period.knowledge) rows.push(...compareKnowledge(report, knowledge(commits, files)));
    differences += printTable(
      `${name} at ${headOf(repo).slice(0, 12)} (${commits.length} commits; load ${load}): ${period.weeks} weeks to ${new Date(period.now).toISOString()} (${period.label})`,
      rows,
    );
  }
  return differences;
}

async function main(): Promise<void> {
  const sweep = process.argv.includes('--sweep');
  const args = process.argv.slice(2).filter((a) => a !== '--sweep');
  const targets =
    args.length > 0 ? args.map((a) => ({ name: a, dir: a })) : REAL_REPOS.map((r) => ({ name: r.name, dir: realRepoPath(r) }));
  let differences = 0;
  for (const target of targets) {
    if (!target.dir) continue;
    differences += await checkRepo(target.name, target.dir, sweep);
  }
  console.log('\nCommands (independent side):');
  for (const [what, command] of Object.entries(GIT_COMMANDS)) console.log(`- ${what}: \`${command}\``);
  console.log(`\n${differences} difference(s) in all`);
  if (differences > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
