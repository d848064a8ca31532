/**
 * Runs in its own process so its peak RSS is the reader's alone: a full scan of the repository
 * (git log streamed through our parser into commits), the derived data, then incremental refreshes
 * after new commits. Prints one JSON line. Used by scripts/bench/git.ts.
 */
import { execFileSync } from 'node:child_process';
import { createHistoryModel } from '../../src/git/model/historyModel';
import { refreshHistory, type ReadContext } from '../../src/git/source/historyReader';
import { createGitRunner } from '../../src/git/source/runGit';

async function main(): Promise<void> {
  const repo = process.argv[2];
  const ctx: ReadContext = { git: createGitRunner(), repoRoot: repo, timeoutMs: 30 * 60_000 };
  const started = performance.now();
  const full = await refreshHistory(ctx, undefined);
  const scanMs = performance.now() - started;
  const rssAfterScan = process.memoryUsage().rss;
  const peakRssDuringScan = process.resourceUsage().maxRSS * 1024;

  const derivedStarted = performance.now();
  const model = createHistoryModel(
    { ...full.history, shallow: full.shallow, releases: full.releases, readAt: Date.now() },
    { halfLifeDays: 90 },
  );
  const owners = model.ownersOf(['src']);
  const prs = model.pullRequests.length;
  const derivedMs = performance.now() - derivedStarted;

  // Incremental: one new commit on top of HEAD, measured five times; HEAD is restored afterwards.
  const original = full.history.tip!;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  const incremental: number[] = [];
  let previous = full.history;
  try {
    for (let i = 0; i < 5; i++) {
      const tree = git('write-tree');
      const parent = previous.tip!;
      const next = execFileSync('git', ['commit-tree', tree, '-p', parent, '-m', `bench ${i}`], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'b@x', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'b@x' },
      }).trim();
      git('update-ref', 'refs/heads/main', next);
      const t = performance.now();
      const result = await refreshHistory(ctx, previous);
      createHistoryModel(
        { ...result.history, shallow: result.shallow, releases: result.releases, readAt: Date.now() },
        { halfLifeDays: 90 },
      );
      incremental.push(performance.now() - t);
      if (result.mode !== 'incremental' || result.read !== 1)
        throw new Error(`expected an incremental read of 1, got ${result.mode}/${result.read}`);
      previous = result.history;
    }
  } finally {
    git('update-ref', 'refs/heads/main', original);
  }
  incremental.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      commits: full.history.commits.length,
      scanMs,
      derivedMs,
      owners: owners.length,
      prs,
      incrementalMedianMs: incremental[2],
      incrementalMaxMs: incremental[4],
      rssAfterScanMb: rssAfterScan / 2 ** 20,
      peakRssScanMb: peakRssDuringScan / 2 ** 20,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
