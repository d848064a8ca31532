/**
 * Growth notes benchmark: a journal of 10,000 notes on disk.
 *   npx tsx scripts/bench/notes.ts [count]
 * Targets (issue 6): list < 200 ms, search < 100 ms, save one < 20 ms.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeNote } from '../../src/notes/model/format';
import { NoteStore } from '../../src/notes/source/store';
import { INDEX_NAME } from '../../src/notes/model/summaryIndex';
import type { Note } from '../../src/notes/model/types';

const COUNT = Number(process.argv[2] ?? 10_000);
const TAGS = ['testing', 'architecture', 'giving-feedback', 'mentoring', 'estimation', 'incidents', 'design-review', 'pairing'];
const WORDS =
  'review question pairing design flaky test ownership refactor deploy incident feedback estimate mentor boundary cache latency'.split(' ');

function fixture(i: number): Note {
  const created = new Date(Date.UTC(2023, 0, 1) + i * 3_600_000 * 2).toISOString();
  const words = Array.from({ length: 120 }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]).join(' ');
  return {
    id: `bench-${String(i).padStart(5, '0')}`,
    kind: i % 10 === 0 ? 'weekly-reflection' : 'note',
    created,
    updated: created,
    revision: 1,
    tags: [TAGS[i % TAGS.length] as string, TAGS[(i * 3 + 1) % TAGS.length] as string],
    links: [{ type: 'file', path: `src/module${i % 50}.ts`, line: (i % 300) + 1 }],
    body: `# Note ${i}: ${WORDS[i % WORDS.length]} lesson\n\n${words}\n${i % 997 === 0 ? 'zebra-needle\n' : ''}`,
    extra: {},
  };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function time(runs: number, work: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'notes-bench-'));
  try {
    for (let i = 0; i < COUNT; i++) {
      const note = fixture(i);
      const path = join(dir, `${note.id}.md`);
      writeFileSync(path, serializeNote(note));
      // A journal written over time: files changed long ago, which the summary index may vouch for.
      utimesSync(path, new Date(note.updated), new Date(note.updated));
    }
    const rows: Array<[string, number, number | undefined]> = [];

    rows.push([
      'open: cold, no index (reads every file, writes the index)',
      await time(3, async () => {
        rmSync(join(dir, INDEX_NAME), { force: true });
        await new NoteStore(dir).load();
      }),
      undefined,
    ]);
    let fromIndex = 0;
    rows.push([
      'open: warm with index',
      await time(5, async () => {
        fromIndex = (await new NoteStore(dir).load()).fromIndex;
      }),
      undefined,
    ]);
    if (fromIndex !== COUNT) throw new Error(`the warm open took only ${fromIndex} of ${COUNT} notes from the index`);
    const store = new NoteStore(dir);
    await store.load();
    rows.push(['refresh: re-scan, nothing changed', await time(5, () => store.load()), undefined]);
    rows.push(['list: all summaries, newest first', await time(20, () => store.list()), 200]);
    rows.push(['search: two words', await time(20, () => store.search('flaky ownership')), 100]);
    rows.push(['search: #tag', await time(20, () => store.search('#mentoring')), 100]);
    rows.push(['search: rare word (10 hits)', await time(20, () => store.search('zebra-needle')), 100]);
    rows.push(['search: no hit', await time(20, () => store.search('nothing-matches-this')), 100]);
    let revision = (await store.read('bench-05000')).revision;
    rows.push([
      'save one (lock, CAS, fsync, rename, .bak)',
      await time(50, async () => {
        const outcome = await store.save('bench-05000', { body: `# Edited ${revision}\n` }, revision);
        revision = outcome.note.revision;
      }),
      20,
    ]);
    rows.push(['create one', await time(50, () => store.create({ kind: 'note', body: '# New\n' })), 20]);

    console.log(`Growth notes, ${COUNT} notes (${process.platform}, Node ${process.version}), median ms:\n`);
    console.log('| operation | median ms | target | ok |');
    console.log('|---|---:|---:|:-:|');
    for (const [name, ms, target] of rows) {
      console.log(
        `| ${name} | ${ms.toFixed(2)} | ${target === undefined ? '—' : `< ${target}`} | ${target === undefined ? '' : ms < target ? 'yes' : 'NO'} |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
