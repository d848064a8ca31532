/**
 * Runs in its own process (bundled, plain `node`) so its peak RSS is the reader's alone. Prints one
 * JSON line. Used by scripts/bench/git.ts.
 *
 *   node git-scan-child.js scan <repo>   a full read of HEAD's history, nothing else
 *   node git-scan-child.js full <repo>   the full read, the derived data the extension uses (owners
 *                                        of the whole repository and of its busiest folder, PRs,
 *                                        reverts, authors), then 5 refreshes, each after one new
 *                                        commit changing one file; HEAD's branch is put back after
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHistoryModel } from '../../src/git/model/historyModel';
import { refreshHistory, type ReadContext } from '../../src/git/source/historyReader';
import { createGitRunner, type GitRunner } from '../../src/git/source/runGit';

/** A fixed instant for the decay: the benchmark decides nothing on the wall clock either. */
const READ_AT = Date.UTC(2026, 0, 1);

async function main(): Promise<void> {
  const [mode, repo] = process.argv.slice(2);
  let processes = 0;
  const runner = createGitRunner();
  const git: GitRunner = (args, options) => (processes++, runner(args, options));
  const ctx: ReadContext = { git, repoRoot: repo, timeoutMs: 60 * 60_000 };
  const started = performance.now();
  const full = await refreshHistory(ctx, undefined);
  const scanMs = performance.now() - started;
  const peakRssScanMb = process.resourceUsage().maxRSS / 1024;
  if (mode === 'scan') {
    console.log(JSON.stringify({ commits: full.history.commits.length, scanMs, peakRssScanMb }));
    return;
  }

  const derivedStarted = performance.now();
  const model = createHistoryModel(
    { ...full.history, shallow: full.shallow, releases: full.releases, skippedTags: full.skipped, readAt: READ_AT },
    { halfLifeDays: 90 },
  );
  const everyone = model.ownersOf(['']);
  const folders = new Map<string, number>();
  for (const c of model.commits.slice(0, 2000))
    for (const f of c.files) folders.set(f.path.split('/')[0], (folders.get(f.path.split('/')[0]) ?? 0) + 1);
  const busiest = [...folders].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  model.ownersOf([busiest]);
  const prs = model.pullRequests.length;
  const reverts = model.reverts.length;
  const authors = model.authors.length;
  const derivedMs = performance.now() - derivedStarted;

  const original = full.history.tip!;
  const sh = (args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) =>
    execFileSync('git', args, { cwd: repo, encoding: 'utf8', input: options.input, env: { ...process.env, ...options.env } }).trim();
  const who = {
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
  };
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mpx-bench-index-'));
  const refresh: number[] = [];
  const processesPerRefresh: number[] = [];
  const oneProcess: number[] = [];
  let previous = full;
  try {
    for (let i = 0; i < 5; i++) {
      // One new commit changing one file, made without a work tree (the real repositories are bare).
      const index = { GIT_INDEX_FILE: path.join(scratch, 'index') };
      const blob = sh(['hash-object', '-w', '--stdin'], { input: `refresh ${i}\n` });
      sh(['read-tree', previous.history.tip!], { env: index });
      sh(['update-index', '--add', '--cacheinfo', `100644,${blob},multiplier-bench-refresh.txt`], { env: index });
      const tree = sh(['write-tree'], { env: index });
      const next = sh(['commit-tree', tree, '-p', previous.history.tip!, '-m', `bench refresh ${i}`], { env: who });
      sh(['update-ref', 'HEAD', next]);
      processes = 0;
      const t = performance.now();
      const result = await refreshHistory(ctx, previous.history, previous.state);
      createHistoryModel(
        { ...result.history, shallow: result.shallow, releases: result.releases, skippedTags: result.skipped, readAt: READ_AT },
        { halfLifeDays: 90 },
      );
      refresh.push(performance.now() - t);
      processesPerRefresh.push(processes);
      // The floor under a one-process refresh: one trivial git process through the same runner, now.
      const s0 = performance.now();
      await runner(['rev-parse', 'HEAD'], { cwd: repo });
      oneProcess.push(performance.now() - s0);
      if (result.mode !== 'incremental' || result.read !== 1)
        throw new Error(`expected an incremental read of 1, got ${result.mode}/${result.read}`);
      previous = result;
    }
  } finally {
    sh(['update-ref', 'HEAD', original]);
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(
    JSON.stringify({
      commits: full.history.commits.length,
      scanMs,
      derivedMs,
      owners: everyone.length,
      busiest,
      prs,
      reverts,
      authors,
      refreshMs: refresh,
      processesPerRefresh,
      oneProcessMs: oneProcess,
      peakRssScanMb,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
