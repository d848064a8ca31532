// Activation time of the production extension in a real VS Code (code-server 1.139), as the
// extension's own log reports it ("activated in N ms"), over fresh starts: each start gets a new
// profile and a newly installed dist/multiplier.vsix, and Chromium opens the workbench so the
// extension host starts as it does for a user.
//   npx tsx scripts/bench/activation.ts [--starts 5] [--busy N] [--baseline other.vsix]
// --build measures another .vsix as "this build" (default dist/multiplier.vsix).
// --baseline alternates starts of another build (e.g. one packaged from an older commit) with this
// one, so both are measured at the same load, and reports the ratio of the medians.
// --busy N keeps N other processes spinning meanwhile (N = 4 gives a load near 4 on this machine).
// Packages the extension when dist/multiplier.vsix is missing. Needs the editor host (installed on
// first use, as by npm test).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openWorkbench } from '../host/browser.mjs';
import { installVsix, prepareProfile, startCodeServer } from '../host/code-server.mjs';
import { ensureHostOrExit } from '../host/ensure-host.mjs';
import { createTestRepository } from '../host/git-fixture.mjs';

const ROOT = resolve(__dirname, '..', '..');
const { values } = parseArgs({
  options: {
    starts: { type: 'string', default: '5' },
    busy: { type: 'string', default: '0' },
    baseline: { type: 'string' },
    build: { type: 'string' },
  },
});
const starts = Number(values.starts);
const busy = Number(values.busy);
const vsix = values.build ? resolve(values.build) : join(ROOT, 'dist', 'multiplier.vsix');
const baseline = values.baseline ? resolve(values.baseline) : undefined;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The extension's own "activated in N ms" line, from the Multiplier output channel's log file. */
async function activationMs(logsDir: string, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of filesUnder(logsDir).filter((f) => f.endsWith('.log'))) {
      const match = /\] activated in ([\d.]+) ms/.exec(readFileSync(file, 'utf8'));
      if (match) return Number(match[1]);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no "activated in" line under ${logsDir} within ${timeoutMs / 1000} s`);
}

async function oneStart(host: unknown, vsix: string): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'multiplier-activation-'));
  try {
    const workspace = createTestRepository(join(root, 'workspace'));
    const { userDataDir, extensionsDir } = prepareProfile(root);
    installVsix(host, extensionsDir, vsix);
    const server = await startCodeServer(host, { userDataDir, extensionsDir, folder: workspace });
    const { browser } = await openWorkbench((host as { chromium: string }).chromium, server.url);
    try {
      return await activationMs(join(userDataDir, 'logs'));
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  if (!existsSync(vsix)) spawnSync(process.execPath, [join(ROOT, 'scripts', 'build', 'package.mjs')], { stdio: 'inherit' });
  const host = ensureHostOrExit();
  const spinners: ChildProcess[] = [];
  for (let i = 0; i < busy; i++) spinners.push(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
  try {
    const builds = baseline
      ? [
          { name: 'baseline', vsix: baseline },
          { name: 'this build', vsix },
        ]
      : [{ name: 'this build', vsix }];
    const times = new Map<string, number[]>(builds.map((b) => [b.name, []]));
    const loads: number[] = [];
    for (let i = 0; i < starts; i++) {
      for (const build of i % 2 ? [...builds].reverse() : builds) {
        const ms = await oneStart(host, build.vsix);
        times.get(build.name)!.push(ms);
        loads.push(loadavg()[0]);
        console.log(`start ${i + 1} (${build.name}): activated in ${ms} ms (load average ${loads.at(-1)!.toFixed(2)})`);
      }
    }
    console.log(
      `\nactivation over ${starts} fresh starts${busy ? ` with ${busy} busy processes` : ''}, load average ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}:`,
    );
    for (const [name, ms] of times) {
      console.log(`  ${name}: median ${median(ms).toFixed(1)} ms, min ${Math.min(...ms).toFixed(1)}, max ${Math.max(...ms).toFixed(1)}`);
    }
    if (baseline)
      console.log(`  this build / baseline (medians): ${(median(times.get('this build')!) / median(times.get('baseline')!)).toFixed(2)}`);
    console.log('  target: < 20 ms at low load');
  } finally {
    for (const s of spinners) s.kill('SIGKILL');
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
