/**
 * A child process for the crash and concurrency tests (bundled with esbuild, run with node).
 *   crash <dir>        saves notes in a loop forever, printing `ack <id> <revision>` after each save
 *   race <dir> <name>  for every `round <n>` line on stdin, saves its own note and the shared note
 */
import { writeSync } from 'node:fs';
import { NoteStore } from '../../../src/notes/source/store';
import { NoteStoreError } from '../../../src/notes/model/errors';
import { expectedBody } from './bodies';

const [mode, dir, name = 'A'] = process.argv.slice(2);
const CRASH_NOTES = ['n0', 'n1', 'n2', 'n3'];

async function ensure(store: NoteStore, id: string, body: string): Promise<void> {
  try {
    await store.read(id);
  } catch (error) {
    if (!(error instanceof NoteStoreError) || error.code !== 'not-found') throw error;
    await store.create({ id, kind: 'note', body }).catch(() => undefined); // the other process may win
  }
}

async function crashLoop(): Promise<void> {
  const store = new NoteStore(dir as string);
  await store.load();
  for (const id of CRASH_NOTES) await ensure(store, id, expectedBody(id, 1));
  writeSync(1, 'ready\n');
  for (let i = 0; ; i++) {
    const id = CRASH_NOTES[i % CRASH_NOTES.length] as string;
    const current = await store.read(id);
    const outcome = await store.save(id, { body: expectedBody(id, current.revision + 1) }, current.revision);
    if (outcome.status !== 'saved') throw new Error(`unexpected ${outcome.status}`);
    // Synchronous on the fd: an acknowledgement printed is one the parent will read, even after SIGKILL.
    writeSync(1, `ack ${id} ${outcome.note.revision}\n`);
  }
}

async function raceLoop(): Promise<void> {
  const store = new NoteStore(dir as string, { lock: { timeoutMs: 30_000 } });
  await store.load();
  await ensure(store, `own-${name}`, 'start\n');
  await ensure(store, 'shared', 'start\n');
  process.stdout.write('ready\n');
  let buffer = '';
  let queue = Promise.resolve();
  process.stdin.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (line === 'exit') process.exit(0);
      const round = Number(line.replace('round ', ''));
      queue = queue.then(async () => {
        const body = `${name} round ${round}\n`;
        const own = await store.read(`own-${name}`);
        const ownOutcome = await store.save(own.id, { body }, own.revision);
        const shared = await store.read('shared');
        const outcome = await store.save('shared', { body }, shared.revision);
        process.stdout.write(
          `${JSON.stringify({
            round,
            name,
            own: ownOutcome.status,
            shared: outcome.status,
            revision: outcome.status === 'saved' ? outcome.note.revision : undefined,
            copy: outcome.status === 'conflict' ? outcome.copy.id : undefined,
          })}\n`,
        );
      });
    }
  });
}

(mode === 'crash' ? crashLoop() : raceLoop()).catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});
