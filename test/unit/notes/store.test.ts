import * as assert from 'node:assert/strict';
import {
  promises as fs,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
  existsSync,
  readFileSync,
  openSync,
  ftruncateSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NoteStore, QUARANTINE_DIR } from '../../../src/notes/source/store';
import { NoteStoreError, toStoreError } from '../../../src/notes/model/errors';
import { serializeNote } from '../../../src/notes/model/format';
import { LOCK_NAME } from '../../../src/notes/source/lock';
import { sampleNote } from './fixtures';

describe('notes store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'notes-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const fresh = async (): Promise<NoteStore> => {
    const store = new NoteStore(dir, { lock: { timeoutMs: 300 } });
    await store.load();
    return store;
  };

  it('round-trips a note through disk into a new store', async () => {
    const store = await fresh();
    const note = await store.create({
      kind: 'coach-answer',
      body: '# Why?\n\nBecause.\n',
      tags: ['Testing'],
      links: [{ type: 'file', path: 'a.ts', line: 3 }],
    });
    const other = await fresh();
    assert.deepEqual(await other.read(note.id), note);
    assert.deepEqual(
      other.list().map((s) => s.title),
      ['Why?'],
    );
    assert.deepEqual(note.tags, ['testing']);
  });

  it('saves with the expected revision and keeps the previous version as .bak', async () => {
    const store = await fresh();
    const note = await store.create({ kind: 'note', body: 'v1\n' });
    const outcome = await store.save(note.id, { body: 'v2\n' }, note.revision);
    assert.equal(outcome.status, 'saved');
    assert.equal(outcome.note.revision, note.revision + 1);
    assert.equal((await fresh().then((s) => s.read(note.id))).body, 'v2\n');
    assert.match(readFileSync(join(dir, `${note.id}.md.bak`), 'utf8'), /\nv1\n$/);
  });

  it('keeps a stale save as a visible conflict copy and the newer version in place', async () => {
    const windowA = await fresh();
    const windowB = await fresh();
    const note = await windowA.create({ kind: 'note', body: 'base\n' });
    await windowB.load();
    const first = await windowA.save(note.id, { body: 'from A\n' }, note.revision);
    const second = await windowB.save(note.id, { body: 'from B\n' }, note.revision);
    assert.equal(first.status, 'saved');
    assert.equal(second.status, 'conflict');
    assert.ok(second.status === 'conflict');
    assert.match(second.copyFile, new RegExp(`^${note.id}\\.conflict-\\d{8}T\\d+Z\\.md$`));
    assert.equal((await windowA.read(note.id)).body, 'from A\n');
    const reopened = await fresh();
    const copy = await reopened.read(second.copy.id);
    assert.equal(copy.body, 'from B\n');
    assert.ok(copy.tags.includes('conflict'));
    assert.equal(reopened.list().find((s) => s.id === copy.id)?.conflictOf, note.id);
  });

  it('treats a stale save of identical text as saved, without a copy', async () => {
    const store = await fresh();
    const note = await store.create({ kind: 'note', body: 'same\n' });
    await store.save(note.id, { body: 'new\n' }, note.revision);
    const again = await store.save(note.id, { body: 'new\n' }, note.revision);
    assert.equal(again.status, 'saved');
    assert.equal(readdirSync(dir).filter((n) => n.includes('conflict')).length, 0);
  });

  it('recreates a note that another window deleted while it was being edited', async () => {
    const store = await fresh();
    const note = await store.create({ kind: 'note', body: 'x\n', tags: ['a'] });
    await (await fresh()).remove(note.id);
    const outcome = await store.save(note.id, { body: 'kept\n' }, note.revision);
    assert.equal(outcome.status, 'recreated');
    assert.equal((await (await fresh()).read(note.id)).body, 'kept\n');
  });

  it('deletes to trash and undoes the delete', async () => {
    const store = await fresh();
    const note = await store.create({ kind: 'note', body: 'keep me\n' });
    const token = await store.remove(note.id);
    assert.equal((await fresh()).list().length, 0);
    const back = await store.undoRemove(token);
    assert.equal(back.body, 'keep me\n');
    assert.equal((await fresh()).list().length, 1);
  });

  describe('a bad file never breaks opening', () => {
    const good = sampleNote({ id: 'n1', revision: 1, body: 'good old text\n' });
    const newer = { ...good, revision: 2, body: 'newer text that got damaged\n' };
    const newerText = serializeNote(newer);
    const cases: Array<[string, () => void]> = [
      ['empty', () => writeFileSync(join(dir, 'n1.md'), '')],
      ['truncated', () => writeFileSync(join(dir, 'n1.md'), newerText.slice(0, newerText.length - 10))],
      ['invalid UTF-8', () => writeFileSync(join(dir, 'n1.md'), Buffer.concat([Buffer.from(newerText), Buffer.from([0xff, 0xfe])]))],
      ['a wrong (unknown) version', () => writeFileSync(join(dir, 'n1.md'), newerText.replace('version: 2', 'version: 0'))],
      [
        '50 MB',
        () => {
          const fd = openSync(join(dir, 'n1.md'), 'w');
          ftruncateSync(fd, 50 * 1024 * 1024);
          closeSync(fd);
        },
      ],
    ];
    for (const [name, damage] of cases) {
      it(`${name}: moves it to quarantine, restores the backup, warns once`, async () => {
        writeFileSync(join(dir, 'n1.md.bak'), serializeNote(good));
        damage();
        const store = new NoteStore(dir);
        const report = await store.load();
        assert.equal(report.warnings.length, 1, report.warnings.join('\n'));
        assert.match(report.warnings[0] ?? '', /last good version was restored/);
        assert.deepEqual(report.restored, ['n1']);
        assert.equal(readdirSync(join(dir, QUARANTINE_DIR)).length, 1, 'the damaged file is kept');
        assert.equal((await store.read('n1')).body, 'good old text\n');
        const again = await store.load();
        assert.deepEqual(again.warnings, [], 'warned once');
      });
    }

    it('without a backup: quarantines, warns, and lists the rest', async () => {
      writeFileSync(join(dir, 'n1.md'), 'garbage');
      writeFileSync(join(dir, 'n2.md'), serializeNote({ ...good, id: 'n2' }));
      const store = new NoteStore(dir);
      const report = await store.load();
      assert.match(report.warnings.join(), /no usable backup/);
      assert.deepEqual(
        store.list().map((s) => s.id),
        ['n2'],
      );
      assert.equal(readFileSync(join(dir, QUARANTINE_DIR, readdirSync(join(dir, QUARANTINE_DIR))[0] ?? ''), 'utf8'), 'garbage');
    });

    it('leaves a note from a newer Multiplier untouched and hidden', async () => {
      const future = serializeNote(good).replace('version: 2', 'version: 3');
      writeFileSync(join(dir, 'n1.md'), future);
      const store = new NoteStore(dir);
      const report = await store.load();
      assert.match(report.warnings.join(), /newer version/);
      assert.equal(readFileSync(join(dir, 'n1.md'), 'utf8'), future);
      assert.equal(store.list().length, 0);
    });

    it('migrates a v1 note on load and rewrites it as v2 on save', async () => {
      writeFileSync(join(dir, 'old.md'), '---\nversion: 1\nid: old\ntype: note\ndate: 2024-01-01T00:00:00Z\n---\nhello\n');
      const store = new NoteStore(dir);
      await store.load();
      const note = await store.read('old');
      assert.equal(note.revision, 0);
      await store.save('old', { body: 'hello again\n' }, 0);
      assert.match(readFileSync(join(dir, 'old.md'), 'utf8'), /^---\nversion: 2\n/);
    });
  });

  it('removes stray temp files of dead processes and breaks their stale lock', async () => {
    writeFileSync(join(dir, '.tmp-999999-abcdef'), 'half a note');
    writeFileSync(join(dir, LOCK_NAME), JSON.stringify({ pid: 999999, host: require('node:os').hostname(), time: 0, token: 't' }));
    const store = await fresh();
    assert.equal(existsSync(join(dir, '.tmp-999999-abcdef')), false);
    const note = await store.create({ kind: 'note', body: 'a\n' });
    assert.equal((await store.save(note.id, { body: 'b\n' }, 1)).status, 'saved');
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.startsWith('.')),
      [],
      'no temp or lock left',
    );
  });

  it('reports a live lock as a retryable busy error', async () => {
    const store = await fresh();
    const note = await store.create({ kind: 'note', body: 'a\n' });
    writeFileSync(
      join(dir, LOCK_NAME),
      JSON.stringify({ pid: process.ppid, host: require('node:os').hostname(), time: Date.now(), token: 't' }),
    );
    await assert.rejects(
      store.save(note.id, { body: 'b\n' }, 1),
      (error: unknown) => error instanceof NoteStoreError && error.code === 'busy' && error.retryable,
    );
  });

  describe('disk-full and read-only errors', () => {
    const cases: Array<[string, string, string]> = [
      ['disk full', 'ENOSPC', 'disk-full'],
      ['read-only', 'EROFS', 'read-only'],
      ['permission', 'EACCES', 'permission'],
    ];
    for (const [name, errno, code] of cases) {
      it(`${name}: a typed error, the old version intact, and retry works`, async () => {
        const store = await fresh();
        const note = await store.create({ kind: 'note', body: 'old\n' });
        const realOpen = fs.open;
        fs.open = (async (path: Parameters<typeof realOpen>[0], flags?: Parameters<typeof realOpen>[1]) => {
          if (flags === 'wx') throw Object.assign(new Error(`${errno}: simulated`), { code: errno });
          return realOpen(path, flags);
        }) as typeof fs.open;
        try {
          await assert.rejects(
            store.save(note.id, { body: 'new\n' }, 1),
            (error: unknown) => error instanceof NoteStoreError && error.code === code && error.retryable,
          );
        } finally {
          fs.open = realOpen;
        }
        assert.equal((await store.read(note.id)).body, 'old\n');
        assert.equal((await store.save(note.id, { body: 'new\n' }, 1)).status, 'saved');
      });
    }

    it('maps unknown errors to io', () => assert.equal(toStoreError(new Error('x'), 'a').code, 'io'));
  });
});
