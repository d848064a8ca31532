/**
 * Git engine benchmark. Run: npx tsx scripts/bench/git.ts [--commits N]
 *
 * On a synthetic 100,000-commit repository (generated once with git fast-import, cached under
 * ${XDG_CACHE_HOME:-~/.cache}/multiplier-bench/), it reports:
 *  - our full history scan (git log streamed through our parser, in a child process of its own, so
 *    its peak RSS is ours alone) against raw `git log --numstat` with the same format, same run;
 *  - derived data (ownership index + PR inference) built once over the whole history;
 *  - the incremental refresh after one new commit (median of 5);
 *  - state event → emitted snapshot, with the 300 ms debounce set to 0 (stated, not hidden).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { KeyedDebouncer } from '../../src/core/debounce';
import { GitController } from '../../src/git/controller';
import { logArgs, newSentinel } from '../../src/git/model/logParser';
import { safeArgs } from '../../src/git/source/runGit';
import { toSnapshot } from '../../src/git/model/snapshot';
import { ensureSyntheticRepo } from './git-synthetic-repo';

const commitsArg = process.argv.indexOf('--commits');
const COMMITS = commitsArg > 0 ? Number(process.argv[commitsArg + 1]) : 100_000;

/** Runs a command and returns its wall time (stdout discarded unless captured). */
function timed(command: string, args: string[], cwd: string, captureStdout = false): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => captureStdout && out.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${command} exited ${code}`));
      resolve({ ms: performance.now() - started, stdout: Buffer.concat(out).toString('utf8') });
    });
  });
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
  const repo = await ensureSyntheticRepo(COMMITS);

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
    const sentinel = newSentinel();
    // The same command our reader runs, with the same safety flags; its output goes nowhere.
    const rawArgs = safeArgs([...logArgs(sentinel), '--no-textconv', '--no-ext-diff', '--no-color', '--end-of-options', 'HEAD', '--']);
    // Warm the page cache once so neither side pays for the first read.
    await timed('git', ['log', '--oneline', '-n', '1000'], repo);
    const raw = await timed('git', rawArgs, repo);
    const oursRun = await timed(process.execPath, [childJs, repo], repo, true);
    const ours = JSON.parse(oursRun.stdout.trim().split('\n').pop()!) as Record<string, number>;
    const snapshot = await snapshotLatency();

    const rows: [string, string, string][] = [
      ['commits in repository', String(ours.commits), ''],
      ['raw `git log --numstat` (same format)', `${(raw.ms / 1000).toFixed(2)} s`, ''],
      [
        'our full scan (git + parser, child process)',
        `${(ours.scanMs / 1000).toFixed(2)} s`,
        `ratio ${(ours.scanMs / raw.ms).toFixed(2)}× (target ≤ 1.5×)`,
      ],
      [
        'our peak RSS during the full scan',
        `${ours.peakRssScanMb.toFixed(0)} MB`,
        'target < 150 MB (whole child process: node itself + 100k parsed commits)',
      ],
      [
        'peak RSS incl. derived data + refreshes',
        `${ours.maxRssMb.toFixed(0)} MB`,
        'target < 150 MB; ownership index, PR inference and 5 incremental refreshes on top',
      ],
      ['derived data (ownership index + PRs), once', `${ours.derivedMs.toFixed(0)} ms`, `${ours.prs} PRs inferred`],
      [
        'incremental refresh after 1 new commit',
        `${ours.incrementalMedianMs.toFixed(1)} ms median`,
        `max ${ours.incrementalMaxMs.toFixed(1)} ms (target < 50 ms)`,
      ],
      [
        'state event → emitted snapshot',
        `${snapshot.medianMs.toFixed(3)} ms median`,
        `p95 ${snapshot.p95Ms.toFixed(3)} ms; 300 ms debounce excluded`,
      ],
    ];
    const width = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
    console.log(
      `\nGit engine benchmark (${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}, node ${process.version}, git ${gitVersion()})\n`,
    );
    console.log(`| ${'measure'.padEnd(width[0])} | ${'result'.padEnd(width[1])} | note`);
    console.log(`|${'-'.repeat(width[0] + 2)}|${'-'.repeat(width[1] + 2)}|------`);
    for (const [a, b, c] of rows) console.log(`| ${a.padEnd(width[0])} | ${b.padEnd(width[1])} | ${c}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
