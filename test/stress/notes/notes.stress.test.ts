/**
 * Crash and concurrency tests for the notes store, with real processes:
 * - crash: a writer saving notes in a loop is killed with SIGKILL at a random moment, 1,000 times;
 *   after every kill the store opens, every note is exactly its acknowledged or next version, and
 *   no temp file is left behind;
 * - race: two processes save their own note and the same shared note at once, 1,000 rounds; every
 *   save is either on disk (no two saves claim the same revision) or in a visible conflict copy.
 * Set NOTES_CRASH_RUNS / NOTES_RACE_ROUNDS / NOTES_CRASH_LANES to change the counts.
 * Run: npx mocha --no-config -r tsx/cjs test/stress/notes/*.test.ts
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { NoteStore } from '../../../src/notes/source/store';
import { expectedBody } from './bodies';

const CRASH_RUNS = Number(process.env.NOTES_CRASH_RUNS ?? 1000);
const RACE_ROUNDS = Number(process.env.NOTES_RACE_ROUNDS ?? 1000);
const LANES = Number(process.env.NOTES_CRASH_LANES ?? 2); // writers in parallel, each on its own folder

describe('notes store under crashes and concurrency', function () {
  // A net against a hang, not a speed target: 1,000 runs took 112 s on a quiet 2-core machine and
  // 387 s on a busy one. Speed is the benchmarks' business.
  this.timeout(20 * 60_000);
  let root: string;
  let worker: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'notes-stress-'));
    worker = join(root, 'worker.js');
    buildSync({
      entryPoints: [join(__dirname, 'worker.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      outfile: worker,
      logLevel: 'error',
    });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it(`survives ${CRASH_RUNS} SIGKILLs at random points`, async () => {
    const failures: string[] = [];
    let runs = 0;
    let acksSeen = 0;
    const lane = async (laneIndex: number, count: number): Promise<void> => {
      const dir = join(root, `crash-${laneIndex}`);
      const acked = new Map<string, number>();
      for (let run = 0; run < count; run++) {
        const t0 = Date.now();
        const child = spawn(process.execPath, [worker, 'crash', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
        // 'close', not 'exit': the last acknowledgements may still be in the pipe when the process exits.
        const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
        let out = '';
        let stderr = '';
        child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        await new Promise<void>((resolve) => {
          child.stdout?.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            if (out.includes('ready\n')) resolve();
          });
          child.on('exit', () => resolve());
        });
        timing.ready += Date.now() - t0;
        // Kill somewhere inside the save loop: 0–15 ms after it starts, from before the first save to a few dozen saves in.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
        child.kill('SIGKILL');
        await exited;
        runs++;
        if (stderr.includes('worker failed')) failures.push(`run ${run}: ${stderr.slice(0, 300)}`);
        for (const match of out.matchAll(/^ack (\S+) (\d+)$/gm)) {
          acked.set(match[1] as string, Math.max(acked.get(match[1] as string) ?? 0, Number(match[2])));
          acksSeen++;
        }
        const problem = await verifyCrashStore(dir, acked);
        timing.total += Date.now() - t0;
        if (problem) failures.push(`lane ${laneIndex} run ${run}: ${problem}`);
      }
    };
    const timing = { ready: 0, total: 0 };
    const started = Date.now();
    await Promise.all(
      Array.from({ length: LANES }, (_, i) =>
        lane(i, Math.ceil(CRASH_RUNS / LANES) - (i < CRASH_RUNS % LANES || CRASH_RUNS % LANES === 0 ? 0 : 1)),
      ),
    );
    console.log(
      `      crash test: ${runs} SIGKILL runs, ${acksSeen} acknowledged saves, ${(timing.ready / runs).toFixed(0)} ms average start-up, ${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    assert.deepEqual(failures.slice(0, 5), []);
    assert.equal(runs, CRASH_RUNS);
  });

  it(`loses nothing when two processes save at once, ${RACE_ROUNDS} rounds`, async () => {
    const dir = join(root, 'race');
    const seed = new NoteStore(dir);
    await seed.load();
    await seed.create({ id: 'shared', kind: 'note', body: 'start\n' });
    const children = ['A', 'B'].map((name) => spawn(process.execPath, [worker, 'race', dir, name], { stdio: ['pipe', 'pipe', 'inherit'] }));
    const replies = children.map((child) => lines(child));
    await Promise.all(replies.map((r) => r.next()));
    const results: Array<{ round: number; name: string; own: string; shared: string; revision?: number; copy?: string }> = [];
    const started = Date.now();
    for (let round = 1; round <= RACE_ROUNDS; round++) {
      for (const child of children) child.stdin?.write(`round ${round}\n`);
      for (const reply of replies) results.push(JSON.parse(await reply.next()));
    }
    for (const child of children) child.stdin?.write('exit\n');
    const elapsed = Date.now() - started;

    const store = new NoteStore(dir);
    await store.load();
    const saved = results.filter((r) => r.shared === 'saved');
    const conflicts = results.filter((r) => r.shared === 'conflict');
    const revisions = saved.map((r) => r.revision);
    assert.equal(new Set(revisions).size, revisions.length, 'two saves claimed the same revision: one was lost');
    assert.equal(saved.length + conflicts.length, 2 * RACE_ROUNDS);
    const shared = await store.read('shared');
    assert.equal(shared.revision, 1 + saved.length, 'every saved version is in the chain');
    const last = saved.reduce((a, b) => ((a.revision ?? 0) > (b.revision ?? 0) ? a : b));
    assert.equal(shared.body, `${last.name} round ${last.round}\n`);
    for (const conflict of conflicts) {
      const copy = await store.read(conflict.copy as string);
      assert.equal(copy.body, `${conflict.name} round ${conflict.round}\n`, 'the conflict copy holds the text');
    }
    for (const name of ['A', 'B']) {
      assert.ok(results.filter((r) => r.name === name).every((r) => r.own === 'saved'));
      assert.equal((await store.read(`own-${name}`)).body, `${name} round ${RACE_ROUNDS}\n`, 'different notes never conflict');
    }
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.startsWith('.tmp-') || n === '.lock'),
      [],
    );
    console.log(
      `      race test: ${RACE_ROUNDS} rounds, ${2 * RACE_ROUNDS} own-note saves (all saved), shared note: ${saved.length} saved, ${conflicts.length} conflict copies, 0 lost, ${(elapsed / 1000).toFixed(1)} s`,
    );
  });
});

/** Opens the store as the next window would and checks every note is an acknowledged or next version. */
async function verifyCrashStore(dir: string, acked: Map<string, number>): Promise<string | undefined> {
  const store = new NoteStore(dir, { lock: { timeoutMs: 5000 } });
  const report = await store.load();
  if (report.quarantined.length > 0) return `quarantined ${report.quarantined.join(', ')}`;
  const temps = readdirSync(dir).filter((name) => name.startsWith('.tmp-'));
  if (temps.length > 0) return `stray temp files ${temps.join(', ')}`;
  for (const summary of store.list()) if (!acked.has(summary.id)) acked.set(summary.id, 1);
  for (const [id, revision] of acked) {
    let note;
    try {
      note = await store.read(id);
    } catch (error) {
      return `${id} (acknowledged rev ${revision}) is missing: ${String(error)}`;
    }
    if (note.revision !== revision && note.revision !== revision + 1) return `${id} is rev ${note.revision}, acknowledged ${revision}`;
    if (note.body !== expectedBody(id, note.revision)) return `${id} rev ${note.revision} has the wrong text`;
    // What this run left on disk is the "old version" the next run must keep or replace.
    acked.set(id, note.revision);
  }
  return undefined;
}

function lines(child: ChildProcess): { next(): Promise<string> } {
  const ready: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else ready.push(line);
    }
  });
  return {
    next: () => {
      const line = ready.shift();
      return line !== undefined ? Promise.resolve(line) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}
