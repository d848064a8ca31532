/**
 * Team Health benchmark. Run: npx tsx scripts/bench/health.ts [--real PATH]
 *
 * For the synthetic 100,000-commit repository (scripts/bench/git-synthetic-repo.ts) and for a real
 * public repository (pallets/flask by default, cloned into ${XDG_CACHE_HOME:-~/.cache}/multiplier-bench/
 * flask.git; skipped with a message when it is absent), it reports, in one run:
 *  - the baseline: raw `git log --numstat` with the reader's own format and flags, output discarded;
 *  - loading the engine's history cache (a warm start: what the extension has in its storage);
 *  - every git-derived figure (flow, DORA, knowledge; review load needs GitHub) for 4, 12 and 26 weeks,
 *    once cold and then the median of 5 warm runs, target < 300 ms for 100k commits;
 *  - peak RSS of the process that does it (a bundled child of its own, like the git benchmark).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { TAG_FORMAT, parseTags } from '../../src/git/model/derive/releases';
import { logArgs, newSentinel } from '../../src/git/model/logParser';
import { cacheFileFor, loadHistoryCache } from '../../src/git/source/historyStore';
import { safeArgs } from '../../src/git/source/runGit';
import { benchCacheDir, ensureSyntheticRepo } from './git-synthetic-repo';

const TARGET_MS = 300;
const realAt = process.argv.indexOf('--real');
const REAL = realAt > 0 ? process.argv[realAt + 1] : path.join(benchCacheDir(), 'flask.git');

function run(command: string, args: string[], cwd: string): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${command} ${args[1] ?? ''} exited ${code}`));
      resolve({ ms: performance.now() - started, stdout: Buffer.concat(out).toString('utf8') });
    });
  });
}

/** The reader's own `git log` command, output discarded: what reading history costs at the least. */
async function rawScan(repo: string): Promise<number> {
  const args = safeArgs([...logArgs(newSentinel()), '--no-textconv', '--no-ext-diff', '--no-color', '--end-of-options', 'HEAD', '--']);
  await run('git', ['log', '--oneline', '-n', '1000'], repo); // warm the page cache for both sides
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('git', args, { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`git log exited ${code}`))));
  });
}

interface Measured {
  commits: number;
  prs: number;
  reverts: number;
  tags: number;
  headFiles: number;
  loadMs: number;
  engineDerivedMs: number;
  adaptMs: number;
  firstMs: number;
  firstCpuMs: number;
  freshMs: number;
  freshCpuMs: number;
  warmCpuMs: number;
  runs: Record<string, { warmMedianMs: number; warmMaxMs: number }>;
  rssStartMb: number;
  rssLoadedMb: number;
  rssEndMb: number;
  maxRssMb: number;
  sample26: { merged: number; releases: number; leadTimeCommits: number; truckFactor: number | null; files: number };
}

async function benchRepo(label: string, repo: string, childJs: string, storage: string): Promise<string[][]> {
  const data = mkdtempSync(path.join(os.tmpdir(), 'mpx-health-'));
  try {
    // No cache, or one an older engine wrote (it is deleted when read): scan once to make one.
    if (!existsSync(cacheFileFor(storage, repo)) || !(await loadHistoryCache(storage, repo))) {
      process.stderr.write(`${label}: no usable history cache yet; scanning once to make one…\n`);
      const prepared = await run(process.execPath, [childJs, 'prepare', repo, storage], repo);
      process.stderr.write(`${label}: ${prepared.stdout.trim()}\n`);
    }
    const files = execFileSync('git', ['ls-tree', '-r', '--name-only', '-z', 'HEAD'], { cwd: repo, maxBuffer: 1 << 28 }).toString('utf8');
    writeFileSync(path.join(data, 'head-files.txt'), files.split('\0').filter(Boolean).join('\n'));
    const tags = parseTags(
      execFileSync('git', ['for-each-ref', `--format=${TAG_FORMAT}`, 'refs/tags'], { cwd: repo, maxBuffer: 1 << 26 }).toString('utf8'),
    );
    // Tags of tags are peeled by the engine's reader with one more git call; neither benchmark
    // repository has one, so the releases parsed here are all of them.
    if (tags.nested.length > 0) process.stderr.write(`${label}: ${tags.nested.length} tags of tags left out\n`);
    writeFileSync(path.join(data, 'tags.json'), JSON.stringify(tags.releases));

    const rawMs = await rawScan(repo);
    const measured = JSON.parse(
      (await run(process.execPath, [childJs, 'measure', repo, storage, data], repo)).stdout.trim().split('\n').pop()!,
    ) as Measured;
    const m = measured;
    const warm = (w: string) => `${m.runs[w].warmMedianMs.toFixed(0)} ms median (max ${m.runs[w].warmMaxMs.toFixed(0)})`;
    const verdict = (ms: number) => (ms < TARGET_MS ? `within target < ${TARGET_MS} ms` : `OVER target < ${TARGET_MS} ms`);
    return [
      [`${label}`, `${m.commits.toLocaleString('en')} commits, ${m.prs} PRs, ${m.tags} tags, ${m.headFiles} files`, ''],
      ['  raw `git log --numstat` (baseline)', `${(rawMs / 1000).toFixed(2)} s`, 'what a cold read costs at the least'],
      ['  load history cache (warm start)', `${m.loadMs.toFixed(0)} ms`, "the engine's cache file, parsed"],
      ["  engine's PRs + reverts, first use", `${m.engineDerivedMs.toFixed(0)} ms`, 'already paid by the review queue when it ran'],
      ['  fromHistory adapter', `${m.adaptMs.toFixed(0)} ms`, 'builds the shared commit graph; PR commits come from the engine'],
      [
        '  every figure, first report (12 weeks)',
        `${m.firstMs.toFixed(0)} ms (CPU ${m.firstCpuMs.toFixed(0)} ms)`,
        `${verdict(m.firstMs)}; a fresh process: cold JIT, and the graph, containment and authorship built once`,
      ],
      [
        '  every figure after new commits',
        `${m.freshMs.toFixed(0)} ms (CPU ${m.freshCpuMs.toFixed(0)} ms)`,
        `${verdict(m.freshMs)}; a new history array: nothing derived is reused`,
      ],
      ['  every figure, 4 weeks (period switch)', warm('4'), verdict(m.runs['4'].warmMedianMs)],
      ['  every figure, 12 weeks (period switch)', warm('12'), verdict(m.runs['12'].warmMedianMs)],
      [
        '  every figure, 26 weeks (period switch)',
        warm('26'),
        `${verdict(m.runs['26'].warmMedianMs)}; CPU ${m.warmCpuMs.toFixed(0)} ms a report`,
      ],
      [
        '  memory',
        `peak RSS ${m.maxRssMb.toFixed(0)} MB`,
        `RSS ${m.rssStartMb.toFixed(0)} MB empty → ${m.rssLoadedMb.toFixed(0)} MB history loaded → ${m.rssEndMb.toFixed(0)} MB after the figures`,
      ],
      [
        '  26-week figures (sanity)',
        `${m.sample26.merged} PRs merged, ${m.sample26.releases} releases`,
        `lead time over ${m.sample26.leadTimeCommits} commits; truck factor ${m.sample26.truckFactor} over ${m.sample26.files} files`,
      ],
    ];
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'mpx-bench-'));
  const childJs = path.join(out, 'health-child.js');
  await build({
    entryPoints: [path.join(__dirname, 'health-child.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    outfile: childJs,
    logLevel: 'error',
  });
  const storage = path.join(benchCacheDir(), 'health-storage');
  mkdirSync(storage, { recursive: true });
  const load = os.loadavg()[0];
  try {
    const rows: string[][] = [];
    rows.push(...(await benchRepo('synthetic', await ensureSyntheticRepo(100_000), childJs, storage)));
    if (existsSync(REAL)) {
      rows.push(...(await benchRepo(path.basename(REAL).replace(/\.git$/, ''), REAL, childJs, storage)));
    } else {
      console.log(
        `(real repository skipped: ${REAL} is absent. Clone a public repository with tags and merged PRs there, e.g. git clone --bare <pallets/flask> ${REAL}, or pass --real PATH.)`,
      );
    }
    const width = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
    console.log(
      `\nTeam Health benchmark (${os.cpus().length} CPUs, load ${load.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}, node ${process.version}, ${execFileSync('git', ['--version'], { encoding: 'utf8' }).trim()})\n`,
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
