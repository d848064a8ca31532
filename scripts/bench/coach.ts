/**
 * CoachController benchmark.
 *   npx tsx scripts/bench/coach.ts
 * 1. One evaluation of every stuck-signal detector over a full buffer (20,000 events: eight hours of
 *    edits across 40 files, task runs and diagnostics). The editor layer evaluates after each burst of
 *    activity and every 30 s, so this must stay far below a frame (16 ms).
 * 2. Review-comment check plus rewrites, per comment, over a varied set of comments.
 */
import { CoachController } from '../../src/coach/controller';
import { proposeRewrites } from '../../src/words/model/rewrites';
import { checkComment } from '../../src/words/model/rules';
import { EMPTY_ROTATION } from '../../src/coach/model/prompts/rotation';
import { shippedPrompts } from '../../src/coach/model/prompts/shipped';
import { DEFAULT_THRESHOLDS } from '../../src/coach/model/signals/types';

const START = Date.parse('2026-03-04T09:00:00Z');
const EVENTS = 20_000;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function detectors(): Promise<void> {
  const r = rng(7);
  const step = (8 * 3_600_000) / EVENTS;
  let now = START;
  const library = shippedPrompts().prompts;
  const coach = new CoachController({
    now: () => now,
    thresholds: () => DEFAULT_THRESHOLDS,
    library: () => library,
    problems: () => [],
    wantsToast: () => false,
    decide: () => ({ channel: 'view', reason: '' }),
    toast: () => undefined,
    quietReason: () => undefined,
    mutedKinds: () => [],
    loadRotation: () => EMPTY_ROTATION,
    saveRotation: () => undefined,
    peopleFor: async () => [],
  });
  for (let i = 0; i < EVENTS; i++) {
    now = START + i * step;
    const roll = r();
    const file = `src/module${Math.floor(r() * 40)}.ts`;
    if (roll < 0.9) {
      const line = Math.floor(r() * 400);
      coach.record({ kind: 'edit', at: now, file, startLine: line, endLine: line + (r() < 0.1 ? 3 : 0) });
    } else if (roll < 0.95) {
      coach.record({ kind: 'diagnostics', at: now, file, errors: r() < 0.5 ? 0 : 2 });
    } else if (roll < 0.99) {
      coach.record({ kind: 'taskEnd', at: now, task: `npm: test${Math.floor(r() * 3)}`, exitCode: r() < 0.6 ? 1 : 0 });
    } else {
      coach.record({ kind: 'commit', at: now });
    }
  }
  await coach.evaluate(); // warm-up, raises the prompts once
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    await coach.evaluate();
    times.push(performance.now() - t);
  }
  const model = coach.current();
  console.log(
    `detectors: ${EVENTS} events, evaluate median ${median(times).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms (${model.current ? 1 + model.waiting : 0} prompts visible)`,
  );
  if (median(times) > 16) throw new Error('one evaluation must stay under 16 ms');
}

function comments(): void {
  const samples = [
    'Just use a map.',
    'suggestion: Rename `tmp` to `pendingOrders`, since the loop below only ever adds pending orders.',
    "Why didn't you write a test for this?",
    'nit: trailing comma',
    'issue: This fails on empty input!!! Add a guard so the parser never sees null.',
    'question: Is the `JSON` payload always UTF-8 here, or can clients send Latin-1?',
    'DO NOT MERGE THIS',
    'suggestion:\n```ts\nif (!user) return; // just bail out\n```\nThis keeps the happy path unindented.',
    'You should use the existing helper. Also this is wrong and clearly a race condition, obviously.',
    'praise: Nice extraction, this reads much better now.',
  ];
  const rounds = 2_000;
  const t = performance.now();
  let findings = 0;
  for (let i = 0; i < rounds; i++) {
    for (const text of samples) {
      const found = checkComment(text);
      findings += found.length + proposeRewrites(text, found).length;
    }
  }
  const perComment = ((performance.now() - t) * 1000) / (rounds * samples.length);
  console.log(
    `comments: check + rewrites ${perComment.toFixed(1)} µs per comment (${rounds * samples.length} checks, ${findings} findings and rewrites)`,
  );
}

void detectors().then(comments);
