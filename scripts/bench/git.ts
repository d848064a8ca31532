/**
 * Git engine benchmark: `npx tsx scripts/bench/git.ts [--commits N] [--pairs N] [--repos a,b] [--no-correctness]`
 *
 * On the synthetic 100,000-commit repository (generated once with git fast-import, cached under
 * ${XDG_CACHE_HOME:-~/.cache}/multiplier-bench/) and on the real repositories of git-repos.ts when
 * they are in that cache (a missing one is skipped with the command that fetches it), it reports:
 *  - our full history scan (git log streamed through our parser, in a child process of its own, so
 *    its peak RSS is ours alone) against raw `git log` with the very same arguments, alternated
 *    A/B/A/B in one run (--pairs, default 3), wall and CPU time (CPU on Linux: the children's
 *    user + system time from /proc/self/stat), with the load average before and after;
 *  - peak RSS of the scan alone, and of scan + derived data + 5 refreshes;
 *  - the refresh after one new commit (median of 5) and the git processes it started;
 *  - state event → emitted snapshot, with the 300 ms debounce set to 0 (stated, not hidden);
 *  - then, for the real repositories, the correctness tables of git-correctness.ts.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { KeyedDebouncer } from '../../src/core/debounce';
import { GitController } from '../../src/git/controller';
import { logArgs, newSentinel } from '../../src/git/model/logParser';
import { gitEnv, safeArgs } from '../../src/git/source/runGit';
import { toSnapshot } from '../../src/git/model/snapshot';
import { checkRepo, printTable } from './git-correctness';
import { REAL_REPOS, realRepoPath } from './git-repos';
import { ensureSyntheticRepo } from './git-synthetic-repo';

const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const COMMITS = Number(arg('--commits') ?? 100_000);
const PAIRS = Math.max(1, Number(arg('--pairs') ?? 3));
const ONLY = arg('--repos')?.split(',');
const CORRECTNESS = !process.argv.includes('--no-correctness');

/** CPU time (ms) of every child this process has waited for, from /proc (Linux); undefined elsewhere. */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat(5), cutime and cstime, in clock ticks (100 a second on Linux).
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

interface Run {
  wallMs: number;
  cpuMs?: number;
  stdout: string;
}

/** Runs a command to its end: wall time, and the CPU time of it and its children (stdout kept if asked). */
function timed(command: string, args: string[], cwd: string, captureStdout = false, env?: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => captureStdout && out.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${command} exited ${code}`));
      const cpuAfter = childrenCpuMs();
      resolve({
        wallMs: performance.now() - started,
        cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
        stdout: Buffer.concat(out).toString('utf8'),
      });
    });
  });
}

/** Reads the pack files once so that neither side of the first pair pays for the disk. */
async function warmPageCache(repo: string): Promise<void> {
  for (const gitDir of [path.join(repo, '.git'), repo]) {
    const packs = path.join(gitDir, 'objects', 'pack');
    let files: string[];
    try {
      files = readdirSync(packs);
    } catch {
      continue;
    }
    for (const file of files) {
      await new Promise<void>((resolve, reject) =>
        createReadStream(path.join(packs, file))
          .on('data', () => undefined)
          .on('end', resolve)
          .on('error', reject),
      );
    }
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

interface Full {
  commits: number;
  derivedMs: number;
  prs: number;
  reverts: number;
  authors: number;
  busiest: string;
  refreshMs: number[];
  processesPerRefresh: number[];
  oneProcessMs: number[];
  peakRssScanMb: number;
  maxRssMb: number;
}

async function benchRepo(name: string, repo: string, childJs: string): Promise<string[]> {
  const sentinel = newSentinel();
  // The same command our reader runs, with the same safety flags and environment; its output goes nowhere.
  const rawArgs = safeArgs([...logArgs(sentinel), '--no-textconv', '--no-ext-diff', '--no-color', '--end-of-options', 'HEAD', '--']);
  await warmPageCache(repo);
  const loadBefore = load();
  const raw: Run[] = [];
  const ours: Run[] = [];
  const scanRss: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    raw.push(await timed('git', rawArgs, repo, false, gitEnv()));
    const run = await timed(process.execPath, [childJs, 'scan', repo], repo, true);
    ours.push(run);
    scanRss.push((JSON.parse(run.stdout.trim().split('\n').pop()!) as { peakRssScanMb: number }).peakRssScanMb);
    process.stderr.write(
      `${name}: pair ${i + 1}/${PAIRS}: raw ${(raw[i].wallMs / 1000).toFixed(1)} s, ours ${(run.wallMs / 1000).toFixed(1)} s\n`,
    );
  }
  const fullRun = await timed(process.execPath, [childJs, 'full', repo], repo, true);
  const full = JSON.parse(fullRun.stdout.trim().split('\n').pop()!) as Full;
  const loadAfter = load();
  const wallRatios = ours.map((o, i) => o.wallMs / raw[i].wallMs);
  const cpuRatios = ours.every((o) => o.cpuMs) && raw.every((r) => r.cpuMs) ? ours.map((o, i) => o.cpuMs! / raw[i].cpuMs!) : undefined;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const ratios = (r: number[]) => `${median(r).toFixed(2)}× (${r.map((x) => x.toFixed(2)).join(', ')})`;
  return [
    `${name} (${full.commits.toLocaleString('en')} commits)`,
    `${s(median(raw.map((r) => r.wallMs)))} / ${raw[0].cpuMs !== undefined ? s(median(raw.map((r) => r.cpuMs!))) : 'n/a'}`,
    `${s(median(ours.map((r) => r.wallMs)))} / ${ours[0].cpuMs !== undefined ? s(median(ours.map((r) => r.cpuMs!))) : 'n/a'}`,
    ratios(wallRatios),
    cpuRatios ? ratios(cpuRatios) : 'n/a',
    `${median(scanRss).toFixed(0)} MB (${scanRss.map((r) => r.toFixed(0)).join(', ')})`,
    `${full.maxRssMb.toFixed(0)} MB`,
    `${full.derivedMs.toFixed(0)} ms (${full.prs} PRs, ${full.reverts} reverts, ${full.authors} authors)`,
    `${median(full.refreshMs).toFixed(1)} ms (max ${Math.max(...full.refreshMs).toFixed(1)}); git processes ${full.processesPerRefresh.join('/')}; \`git rev-parse\` alone ${median(full.oneProcessMs).toFixed(1)} ms`,
    `${loadBefore} → ${loadAfter}`,
  ];
}

async function snapshotLatency(): Promise<{ medianMs: number; p95Ms: number }> {
  const root = '/ws/repo';
  const state = {
    root,
    head: { name: 'main', commit: 'a'.repeat(40), upstream: { remote: 'origin', name: 'main' }, ahead: 1, behind: 0 },
    remotes: [{ name: 'origin', fetchUrl: 'git@example.com:o/r.git' }],
    workingTree: Array.from({ length: 200 }, (_, i) => `${root}/src/file${i}.ts`),
    untracked: [],
    index: Array.from({ length: 20 }, (_, i) => `${root}/src/staged${i}.ts`),
    conflicts: [],
    rebasing: false,
    lastCommitAt: Date.now(),
  };
  const engine = new GitController({
    trusted: true,
    start: () => undefined,
    createRunner: () => {
      throw new Error('no git here');
    },
    halfLifeDays: () => 90,
    maxCommits: () => 0,
    now: () => Date.now(),
  });
  const samples: number[] = [];
  let triggeredAt = 0;
  let resolveOne: () => void = () => undefined;
  engine.onDidChangeSnapshots(() => {
    samples.push(performance.now() - triggeredAt);
    resolveOne();
  });
  let n = 0;
  const debouncer = new KeyedDebouncer<string>(
    () => engine.putSnapshot(toSnapshot({ ...state, head: { ...state.head, ahead: n } }, Date.now())),
    0,
  );
  for (n = 1; n <= 200; n++) {
    const emitted = new Promise<void>((r) => (resolveOne = r));
    triggeredAt = performance.now();
    debouncer.trigger(root);
    await emitted;
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[100], p95Ms: samples[190] };
}

function gitVersion(): string {
  return execFileSync('git', ['--version'], { encoding: 'utf8' })
    .trim()
    .replace(/^git version /, '');
}

async function main(): Promise<void> {
  const repos: { name: string; dir: string; real: boolean }[] = [];
  if (!ONLY || ONLY.includes('synthetic')) repos.push({ name: 'synthetic', dir: await ensureSyntheticRepo(COMMITS), real: false });
  for (const real of REAL_REPOS) {
    if (ONLY && !ONLY.includes(real.dir.replace(/\.git$/, '')) && !ONLY.includes(real.name)) continue;
    const dir = realRepoPath(real);
    if (dir) repos.push({ name: real.name, dir, real: true });
  }

  // Bundle the child first, so its RSS is our code's, not a TypeScript loader's.
  const out = mkdtempSync(path.join(os.tmpdir(), 'mpx-bench-'));
  const childJs = path.join(out, 'git-scan-child.js');
  await build({
    entryPoints: [path.join(__dirname, 'git-scan-child.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    outfile: childJs,
    logLevel: 'error',
  });

  try {
    console.log(`\nGit engine benchmark (${os.cpus().length} CPUs, node ${process.version}, git ${gitVersion()}, ${PAIRS} pairs)\n`);
    const header = [
      'repository',
      'raw `git log` wall / CPU (median)',
      'our scan wall / CPU (median)',
      'wall ratio, median (pairs)',
      'CPU ratio, median (pairs)',
      'peak RSS, scan',
      'peak RSS, scan + derived + 5 refreshes',
      'derived data, once',
      'refresh after 1 commit, median of 5',
      'load before → after',
    ];
    console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
    for (const repo of repos) console.log(`| ${(await benchRepo(repo.name, repo.dir, childJs)).join(' | ')} |`);
    const snapshot = await snapshotLatency();
    console.log(
      `\nstate event → emitted snapshot: ${snapshot.medianMs.toFixed(3)} ms median, p95 ${snapshot.p95Ms.toFixed(3)} ms (300 ms debounce excluded)`,
    );
    if (CORRECTNESS) {
      let differences = 0;
      for (const repo of repos.filter((r) => r.real)) differences += printTable(repo.name, await checkRepo(repo.dir));
      console.log(`\n${differences} difference(s) between our figures and git's`);
      if (differences > 0) process.exitCode = 1;
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
