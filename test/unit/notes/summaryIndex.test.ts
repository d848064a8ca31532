import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeNote } from '../../../src/notes/model/format';
import { NoteStore, QUARANTINE_DIR } from '../../../src/notes/source/store';
import { decodeIndex, encodeIndex, INDEX_NAME, INDEX_VERSION, settledForIndex } from '../../../src/notes/model/summaryIndex';
import { sampleNote } from './fixtures';

describe('notes summary index', () => {
  describe('decodeIndex', () => {
    const entry = { id: 'a', size: 10, mtimeMs: 1.5, text: '---\n' };
    it('reads back what encodeIndex wrote', () => {
      const decoded = decodeIndex(encodeIndex([entry, { ...entry, id: 'b' }], '2026-01-01T00:00:00.000Z'));
      assert.deepEqual([...(decoded?.values() ?? [])], [entry, { ...entry, id: 'b' }]);
    });

    const whole = (entries: unknown, extra: Record<string, unknown> = {}): string =>
      JSON.stringify({ format: 'multiplier-growth-notes-index', version: INDEX_VERSION, entries, ...extra });
    const untrusted: Array<[string, string]> = [
      ['empty file', ''],
      ['truncated JSON', encodeIndex([entry], 'now').slice(0, 30)],
      ['not an object', '[1,2]'],
      ['null', 'null'],
      ['another format', JSON.stringify({ format: 'other', version: INDEX_VERSION, entries: [] })],
      ['a newer version', whole([], { version: INDEX_VERSION + 1 })],
      ['entries not a list', whole({ a: entry })],
      ['an entry without text', whole([{ ...entry, text: undefined }])],
      ['a size that is not a count', whole([{ ...entry, size: -1 }])],
      ['an mtime that is not a number', whole([{ ...entry, mtimeMs: '1' }])],
      ['an empty id', whole([{ ...entry, id: '' }])],
      ['the same id twice', whole([entry, entry])],
    ];
    for (const [name, text] of untrusted) {
      it(`does not trust ${name}`, () => {
        assert.equal(decodeIndex(text), undefined);
      });
    }

    const racy: Array<[number, number, boolean]> = [
      [1_000, 1_000, false],
      [1_000, 2_999, false],
      [1_000, 3_001, true],
      [5_000, 1_000, false], // a clock that disagrees: read again rather than trust
    ];
    for (const [mtime, readAt, settled] of racy) {
      it(`a file changed at ${mtime} and read at ${readAt} is ${settled ? '' : 'not '}indexed`, () => {
        assert.equal(settledForIndex(mtime, readAt), settled);
      });
    }
  });

  describe('in the store', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'notes-index-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const HOUR_AGO = new Date(Date.now() - 3_600_000);
    /** Notes written an hour ago: settled, so the index may vouch for them. */
    const seed = (count: number): string[] => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const id = `note-${i}`;
        writeFileSync(join(dir, `${id}.md`), serializeNote(sampleNote({ id, body: `# Note ${i}\n\nbody ${i}\n` })));
        utimesSync(join(dir, `${id}.md`), HOUR_AGO, HOUR_AGO);
        ids.push(id);
      }
      return ids;
    };
    const open = async (): Promise<{ store: NoteStore; report: Awaited<ReturnType<NoteStore['load']>> }> => {
      const store = new NoteStore(dir, { lock: { timeoutMs: 300 } });
      return { store, report: await store.load() };
    };
    const sorted = (store: NoteStore) => store.allCached().sort((a, b) => (a.id < b.id ? -1 : 1));

    it('is written by the first open and used by the next one, with the same notes', async () => {
      seed(5);
      const first = await open();
      assert.deepEqual([first.report.fromIndex, first.report.readFiles], [0, 5]);
      assert.ok(existsSync(join(dir, INDEX_NAME)));
      const second = await open();
      assert.deepEqual([second.report.fromIndex, second.report.readFiles, second.report.notes], [5, 0, 5]);
      assert.deepEqual(sorted(second.store), sorted(first.store));
      assert.deepEqual(second.store.list(), first.store.list());
    });

    it('is not rewritten when nothing changed', async () => {
      seed(3);
      await open();
      const before = statSync(join(dir, INDEX_NAME));
      await open();
      const after = statSync(join(dir, INDEX_NAME));
      assert.equal(after.ino, before.ino, 'the same file, not an atomic replacement');
      assert.equal(after.mtimeMs, before.mtimeMs);
    });

    it('re-reads a note whose file changed behind its back (size or mtime differ)', async () => {
      seed(4);
      await open();
      // Another window (or a hand edit) changes one note; same length of text, different words.
      const changed = sampleNote({ id: 'note-1', body: '# Note 1\n\nBODY 1\n', revision: 4 });
      writeFileSync(join(dir, 'note-1.md'), serializeNote(changed));
      // And one note is deleted, one added.
      rmSync(join(dir, 'note-3.md'));
      writeFileSync(join(dir, 'note-9.md'), serializeNote(sampleNote({ id: 'note-9', body: '# Nine\n' })));
      const { store, report } = await open();
      assert.deepEqual([report.fromIndex, report.readFiles, report.notes], [2, 2, 4]);
      assert.deepEqual(store.cached('note-1'), changed);
      assert.equal(store.cached('note-3'), undefined);
      assert.equal(store.cached('note-9')?.body, '# Nine\n');
    });

    it('re-reads a note whose file has the same size but a new mtime', async () => {
      seed(2);
      await open();
      const edited = readFileSync(join(dir, 'note-0.md'), 'utf8').replace('body 0', 'BODY 0');
      writeFileSync(join(dir, 'note-0.md'), edited);
      const { store, report } = await open();
      assert.deepEqual([report.fromIndex, report.readFiles], [1, 1]);
      assert.match(store.cached('note-0')?.body ?? '', /BODY 0/);
    });

    it('keeps a just-written note out of the index, so an edit in the same mtime tick is never missed', async () => {
      seed(2);
      const { store } = await open();
      const note = await store.create({ kind: 'note', body: '# Fresh\n' });
      const { report } = await open();
      assert.equal(report.readFiles, 1, 'the fresh note is read from its file');
      assert.equal(report.fromIndex, 2);
      const index = decodeIndex(readFileSync(join(dir, INDEX_NAME), 'utf8'));
      assert.equal(index?.has(note.id), false);
    });

    const corruptions: Array<[string, string | Buffer]> = [
      ['garbage', 'not json at all {'],
      ['truncated', '{"format":"multiplier-growth-notes-index","version":1,"entries":[{"id":"note-0"'],
      ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0x7b, 0x00])],
      ['empty', ''],
      ['a newer version', JSON.stringify({ format: 'multiplier-growth-notes-index', version: 99, entries: [] })],
    ];
    for (const [name, content] of corruptions) {
      it(`ignores a ${name} index, rebuilds it and quarantines nothing`, async () => {
        seed(3);
        writeFileSync(join(dir, INDEX_NAME), content);
        const { store, report } = await open();
        assert.deepEqual([report.fromIndex, report.readFiles, report.notes], [0, 3, 3]);
        assert.deepEqual(report.warnings, []);
        assert.deepEqual(report.quarantined, []);
        assert.equal(existsSync(join(dir, QUARANTINE_DIR)), false);
        assert.equal(store.cached('note-2')?.body, '# Note 2\n\nbody 2\n');
        assert.equal(decodeIndex(readFileSync(join(dir, INDEX_NAME), 'utf8'))?.size, 3, 'rebuilt');
        assert.equal((await open()).report.fromIndex, 3);
      });
    }

    it('ignores an entry whose text is damaged, and one that names another note, and reads those files', async () => {
      seed(3);
      await open();
      const index = decodeIndex(readFileSync(join(dir, INDEX_NAME), 'utf8'));
      assert.ok(index);
      const entries = [...index.values()].map((entry) => {
        if (entry.id === 'note-0') return { ...entry, text: entry.text.slice(0, 20) };
        if (entry.id === 'note-1') return { ...entry, text: serializeNote(sampleNote({ id: 'note-2', body: 'wrong\n' })) };
        return entry;
      });
      writeFileSync(join(dir, INDEX_NAME), encodeIndex(entries, 'now'));
      const { store, report } = await open();
      assert.deepEqual([report.fromIndex, report.readFiles], [1, 2]);
      assert.equal(store.cached('note-0')?.body, '# Note 0\n\nbody 0\n');
      assert.equal(store.cached('note-1')?.body, '# Note 1\n\nbody 1\n');
    });

    it('still repairs a damaged note file the index remembers as good', async () => {
      seed(2);
      await open();
      writeFileSync(join(dir, 'note-0.md'), 'garbage');
      const { report } = await open();
      assert.equal(report.quarantined.length, 1);
      assert.equal(readdirSync(join(dir, QUARANTINE_DIR)).length, 1);
    });

    it('writes no index for an empty journal', async () => {
      await open();
      assert.equal(existsSync(join(dir, INDEX_NAME)), false);
    });
  });
});
