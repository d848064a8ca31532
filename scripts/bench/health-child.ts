/**
 * Runs in its own process (bundled, plain node) so its memory is Team Health's alone. Two modes:
 *
 *   prepare <repo> <storage>          scan the history with the engine's reader and save the engine's
 *                                     history cache (what the extension keeps in its storage);
 *   measure <repo> <storage> <dir>    load that cache (a warm start), build the engine's model, map it
 *                                     with fromHistory, and compute every git-derived figure for 4, 12
 *                                     and 26 weeks: once cold, then the median of repeated warm runs;
 *                                     <dir> holds head-files.txt (ls-tree) and tags.json (the reader's tags).
 *
 * Prints one JSON line. Used by scripts/bench/health.ts.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Release } from '../../src/git/api';
import { createHistoryModel } from '../../src/git/model/historyModel';
import { refreshHistory } from '../../src/git/source/historyReader';
import { loadHistoryCache, saveHistoryCache } from '../../src/git/source/historyStore';
import { createGitRunner } from '../../src/git/source/runGit';
import { fromHistory } from '../../src/health/model/fromHistory';
import { computeHealth, type HealthReport } from '../../src/health/model/report';

const WARM_RUNS = 5;
const mb = (bytes: number) => bytes / 2 ** 20;

async function prepare(repo: string, storage: string): Promise<void> {
  const started = performance.now();
  const result = await refreshHistory({ git: createGitRunner(), repoRoot: repo, timeoutMs: 30 * 60_000 }, undefined);
  await saveHistoryCache(storage, result.history);
  console.log(
    JSON.stringify({ commits: result.history.commits.length, scanMs: performance.now() - started, tags: result.releases.length }),
  );
}

async function measure(repo: string, storage: string, dir: string): Promise<void> {
  const rssStart = process.memoryUsage().rss;
  const loadStarted = performance.now();
  const cached = await loadHistoryCache(storage, repo);
  if (!cached) throw new Error(`no history cache for ${repo} in ${storage}`);
  const tags = JSON.parse(readFileSync(path.join(dir, 'tags.json'), 'utf8')) as Release[];
  const loadMs = performance.now() - loadStarted;
  const headFiles = readFileSync(path.join(dir, 'head-files.txt'), 'utf8').split('\n').filter(Boolean);
  const rssLoaded = process.memoryUsage().rss;

  const modelStarted = performance.now();
  const model = createHistoryModel(
    { repoRoot: repo, tip: cached.tip, shallow: false, commits: cached.commits, releases: tags, readAt: Date.now() },
    { halfLifeDays: 90 },
  );
  // The engine's derived data (PRs, reverts) is computed on first use: count it apart from ours.
  const prs = model.pullRequests.length;
  const reverts = model.reverts.length;
  const engineDerivedMs = performance.now() - modelStarted;

  const adaptStarted = performance.now();
  const input = fromHistory(model, { headFiles });
  const adaptMs = performance.now() - adaptStarted;
  const now = model.commits[0].committer.time + 3_600_000; // an hour after the last commit

  // First: the first report on this history (builds the shared graph, bot flags, release containment
  // and the authorship aggregate). Then each period once more to settle the JIT, then timed rounds.
  // Wall time moves with the machine's load; CPU time (user + system of this process) much less.
  const cpuMs = (from: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(from);
    return (used.user + used.system) / 1000;
  };
  const firstStarted = performance.now();
  const firstCpu = process.cpuUsage();
  let last: HealthReport = computeHealth(input, { now, weeks: 12, timeZone: 'UTC' });
  const firstMs = performance.now() - firstStarted;
  const firstCpuMs = cpuMs(firstCpu);
  for (const weeks of [4, 12, 26]) computeHealth(input, { now, weeks, timeZone: 'UTC' });
  const samples: Record<string, number[]> = { 4: [], 12: [], 26: [] };
  const warmCpu = process.cpuUsage();
  for (let round = 0; round < WARM_RUNS; round++) {
    for (const weeks of [4, 12, 26]) {
      const t = performance.now();
      last = computeHealth(input, { now, weeks, timeZone: 'UTC' });
      samples[weeks].push(performance.now() - t);
    }
  }
  const warmCpuMs = cpuMs(warmCpu) / (3 * WARM_RUNS);
  const runs: Record<string, { warmMedianMs: number; warmMaxMs: number }> = {};
  for (const [weeks, times] of Object.entries(samples)) {
    times.sort((a, b) => a - b);
    runs[weeks] = { warmMedianMs: times[Math.floor(times.length / 2)], warmMaxMs: times[times.length - 1] };
  }
  // A refresh after new commits: a new history array, so nothing derived is reused.
  const freshInput = fromHistory(
    createHistoryModel(
      { repoRoot: repo, tip: cached.tip, shallow: false, commits: [...cached.commits], releases: tags, readAt: Date.now() },
      { halfLifeDays: 90 },
    ),
    { headFiles },
  );
  const freshStarted = performance.now();
  const freshCpu = process.cpuUsage();
  computeHealth(freshInput, { now, weeks: 12, timeZone: 'UTC' });
  const freshMs = performance.now() - freshStarted;
  const freshCpuMs = cpuMs(freshCpu);
  // last 26-week report for the sanity line
  last = computeHealth(input, { now, weeks: 26, timeZone: 'UTC' });

  const r = last;
  console.log(
    JSON.stringify({
      commits: model.commits.length,
      prs,
      reverts,
      tags: tags.length,
      headFiles: headFiles.length,
      loadMs,
      engineDerivedMs,
      adaptMs,
      firstMs,
      firstCpuMs,
      freshMs,
      freshCpuMs,
      warmCpuMs,
      runs,
      rssStartMb: mb(rssStart),
      rssLoadedMb: mb(rssLoaded),
      rssEndMb: mb(process.memoryUsage().rss),
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      sample26: {
        merged: r.flow.merged,
        releases: r.dora.releases.length,
        leadTimeCommits: r.dora.leadTime.ok ? r.dora.leadTime.value.hours.n : 0,
        truckFactor: r.knowledge.truckFactor.ok ? r.knowledge.truckFactor.value.value : null,
        files: r.knowledge.truckFactor.ok ? r.knowledge.truckFactor.value.files : 0,
      },
    }),
  );
}

const [mode, repo, storage, dir] = process.argv.slice(2);
(mode === 'prepare' ? prepare(repo, storage) : measure(repo, storage, dir)).catch((error) => {
  console.error(error);
  process.exit(1);
});
