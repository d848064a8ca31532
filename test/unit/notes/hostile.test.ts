/**
 * The notes store against a hostile folder and hostile callers: ids that climb out of the folder,
 * symbolic links, entries of the wrong kind, failed writes, an oversized import. Every case is
 * built for real on disk; the store must always open, never reach outside its folder, and say
 * what it set aside.
 */
import * as assert from 'node:assert/strict';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  promises as fs,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NoteStoreError } from '../../../src/notes/model/errors';
import { MAX_NOTE_BYTES, serializeNote } from '../../../src/notes/model/format';
import { LOCK_NAME } from '../../../src/notes/source/lock';
import { NoteStore, QUARANTINE_DIR, TRASH_DIR } from '../../../src/notes/source/store';
import { exportToDocument, importPaths } from '../../../src/notes/source/transfer';
import { sampleNote } from './fixtures';

const SECRET = 'top secret: never a growth note\n';

describe('notes store: hostile entries and callers', () => {
  let root: string;
  let dir: string;
  /** A file beside the store's folder that nothing may read, move or overwrite. */
  let outside: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'notes-hostile-'));
    dir = join(root, 'storage', 'growth-notes');
    mkdirSync(dir, { recursive: true });
    outside = join(root, 'secret.md');
    writeFileSync(outside, SECRET);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const open = async (): Promise<NoteStore> => {
    const store = new NoteStore(dir, { lock: { timeoutMs: 500 } });
    await store.load();
    return store;
  };
  const outsideUntouched = () => assert.equal(readFileSync(outside, 'utf8'), SECRET, 'the file outside the store is untouched');
  const notFound = (error: unknown) => error instanceof NoteStoreError && error.code === 'not-found';
  const quarantined = () => (existsSync(join(dir, QUARANTINE_DIR)) ? readdirSync(join(dir, QUARANTINE_DIR)) : []);
  const temps = () => readdirSync(dir).filter((name) => name.startsWith('.tmp-'));

  describe('ids are checked at every entry point (7)', () => {
    const climbing = ['../../secret', '../secret', '/etc/passwd', 'a/b', 'a\\b', '..', '.', '', 'x\u0000y', '.hidden', 'x'.repeat(200)];

    for (const id of climbing) {
      it(`read(${JSON.stringify(id.slice(0, 20))}) reads nothing and moves nothing`, async () => {
        const store = await open();
        await assert.rejects(store.read(id), notFound);
        outsideUntouched();
        assert.deepEqual(quarantined(), []);
      });
    }

    it('remove("../../secret") moves nothing outside the store', async () => {
      const store = await open();
      await assert.rejects(store.remove('../../secret'), notFound);
      outsideUntouched();
      assert.equal(existsSync(join(dir, TRASH_DIR)), false);
    });

    it('create({ id: "../../x" }) writes nothing outside the store', async () => {
      const store = await open();
      await assert.rejects(store.create({ id: '../../x', kind: 'note', body: 'x\n' }), notFound);
      assert.equal(existsSync(join(root, 'x.md')), false);
      assert.deepEqual(readdirSync(root).sort(), ['secret.md', 'storage']);
      assert.deepEqual(temps(), []);
    });

    it('save("../../secret", …) writes nothing outside the store', async () => {
      const store = await open();
      await assert.rejects(store.save('../../secret', { body: 'overwritten\n' }, 0), notFound);
      outsideUntouched();
      assert.equal(existsSync(join(root, 'secret.md.bak')), false);
    });

    it('undoRemove of a token that climbs out restores nothing', async () => {
      const store = await open();
      mkdirSync(join(dir, TRASH_DIR));
      // trash/../../../secret.md is the file beside the store; restoring it would move it.
      for (const token of ['../../../secret', '../../secret', '../../../secret.20250101T000000Z', '../secret.20250101T000000Z']) {
        await assert.rejects(store.undoRemove(token), notFound, token);
      }
      outsideUntouched();
      assert.deepEqual(
        readdirSync(dir).filter((n) => n.endsWith('.md')),
        [],
      );
    });

    it('a valid id still works end to end', async () => {
      const store = await open();
      const note = await store.create({ id: 'n1', kind: 'note', body: 'fine\n' });
      assert.equal((await store.read('n1')).body, 'fine\n');
      const token = await store.remove(note.id);
      assert.equal((await store.undoRemove(token)).body, 'fine\n');
    });
  });

  describe('symbolic links are never followed (8)', () => {
    const good = sampleNote({ id: 'n1', revision: 1, body: 'the real note\n' });

    it('a note that is a link to a file outside is set aside as damaged, and its target is not read', async () => {
      writeFileSync(outside, serializeNote({ ...good, body: SECRET }));
      const secretNote = readFileSync(outside, 'utf8');
      symlinkSync(outside, join(dir, 'n1.md'));
      const store = await open();
      assert.equal(store.cached('n1'), undefined, 'the link target is not a note of this store');
      await assert.rejects(store.read('n1'), notFound);
      assert.equal(readFileSync(outside, 'utf8'), secretNote, 'the target stays where it is');
      assert.equal(existsSync(join(dir, 'n1.md')), false);
      const aside = quarantined();
      assert.equal(aside.length, 1);
      assert.ok(lstatSync(join(dir, QUARANTINE_DIR, aside[0] ?? '')).isSymbolicLink(), 'the link itself was moved, not its target');
    });

    it('a backup that is a link is not restored', async () => {
      writeFileSync(outside, serializeNote({ ...good, body: SECRET }));
      symlinkSync(outside, join(dir, 'n1.md.bak'));
      writeFileSync(join(dir, 'n1.md'), 'damaged');
      const store = await open();
      const report = await store.load();
      assert.deepEqual(report.restored, []);
      await assert.rejects(store.read('n1'), notFound);
      assert.ok(!store.allCached().some((note) => note.body === SECRET));
    });

    it('the summary index is not read through a link', async () => {
      writeFileSync(join(dir, 'n1.md'), serializeNote(good));
      const longAgo = new Date(Date.now() - 60_000);
      utimesSync(join(dir, 'n1.md'), longAgo, longAgo); // settled, so the index is written
      await open();
      const index = join(dir, '.summary-index.json');
      writeFileSync(outside, readFileSync(index));
      rmSync(index);
      symlinkSync(outside, index);
      const store = new NoteStore(dir);
      const report = await store.load();
      assert.equal(report.fromIndex, 0, 'nothing was taken from the linked index');
      assert.equal((await store.read('n1')).body, 'the real note\n');
    });

    it('import skips links inside a folder and a link chosen directly, and reports them', async () => {
      const exported = join(root, 'export');
      mkdirSync(exported);
      writeFileSync(join(exported, 'real.md'), serializeNote(sampleNote({ id: 'real', body: 'mine\n' })));
      symlinkSync('/etc/passwd', join(exported, 'passwd.md'));
      symlinkSync(outside, join(exported, 'secret.md'));
      symlinkSync(outside, join(root, 'chosen.md'));
      const store = await open();
      const report = await importPaths(store, [exported, join(root, 'chosen.md')]);
      assert.equal(report.created, 1);
      assert.deepEqual(
        report.unreadable.sort(),
        [join(exported, 'passwd.md'), join(exported, 'secret.md'), join(root, 'chosen.md')].sort(),
      );
      await store.load();
      assert.deepEqual(
        store.allCached().map((note) => note.id),
        ['real'],
      );
      assert.ok(!store.allCached().some((note) => /root:|top secret/.test(note.body)));
    });

    it('trash/ that is a link does not carry a deleted note out of the store', async () => {
      const elsewhere = join(root, 'elsewhere');
      mkdirSync(elsewhere);
      symlinkSync(elsewhere, join(dir, TRASH_DIR));
      const store = await open();
      const note = await store.create({ id: 'n2', kind: 'note', body: 'delete me\n' });
      await store.remove(note.id);
      assert.deepEqual(readdirSync(elsewhere), [], 'nothing went through the link');
    });
  });

  describe('an odd entry never blocks the store (9)', () => {
    it('a folder named x.md, a file named quarantine, a file named trash and a .lock folder: the store opens, says so once', async () => {
      writeFileSync(join(dir, 'n1.md'), serializeNote(sampleNote({ id: 'n1', body: 'kept\n' })));
      mkdirSync(join(dir, 'x.md'));
      writeFileSync(join(dir, 'x.md', 'inside.txt'), 'someone else’s file');
      writeFileSync(join(dir, QUARANTINE_DIR), 'not a folder');
      writeFileSync(join(dir, TRASH_DIR), 'not a folder either');
      mkdirSync(join(dir, LOCK_NAME));
      writeFileSync(join(dir, 'broken.md'), 'garbage'); // needs quarantine/ to exist
      const store = new NoteStore(dir, { lock: { timeoutMs: 500 } });
      const report = await store.load();
      assert.deepEqual(
        store.list().map((s) => s.id),
        ['n1'],
      );
      const odd = report.warnings.filter((w) => /unexpected/i.test(w));
      assert.equal(odd.length, 1, report.warnings.join('\n'));
      assert.match(odd[0] ?? '', /quarantine \(a file\)/);
      assert.match(odd[0] ?? '', /trash \(a file\)/);
      assert.match(odd[0] ?? '', /\.lock \(a folder\)/);
      // Named like a note, x.md is a damaged note: set aside like one (its backup would be restored).
      assert.match(report.warnings.join('\n'), /Growth note x could not be read \(it is a folder, not a file\)/);
      assert.ok(lstatSync(join(dir, QUARANTINE_DIR)).isDirectory());
      // Nothing was deleted: every odd entry is in quarantine/ now.
      const aside = quarantined();
      for (const name of ['x.', 'quarantine.', 'trash.', '_lock.', 'broken.']) {
        assert.ok(
          aside.some((n) => n.startsWith(name)),
          `${name}… in ${aside.join(', ')}`,
        );
      }
      assert.equal(readFileSync(join(dir, QUARANTINE_DIR, aside.find((n) => n.startsWith('quarantine.')) ?? ''), 'utf8'), 'not a folder');
      assert.ok(lstatSync(join(dir, TRASH_DIR)).isDirectory() || !existsSync(join(dir, TRASH_DIR)));
      // And the store still writes.
      const note = await store.create({ kind: 'note', body: 'new\n' });
      assert.equal((await store.save(note.id, { body: 'newer\n' }, 1)).status, 'saved');
      await store.remove(note.id);
      assert.deepEqual(temps(), [], 'no .tmp- entry left behind');
      assert.deepEqual((await store.load()).warnings, [], 'said once');
    });

    it('a .lock folder made while the store is open is set aside, not left as a .tmp- folder for good', async () => {
      const store = await open();
      const note = await store.create({ kind: 'note', body: 'a\n' });
      mkdirSync(join(dir, LOCK_NAME));
      assert.equal((await store.save(note.id, { body: 'b\n' }, 1)).status, 'saved');
      await store.load();
      assert.deepEqual(temps(), []);
      assert.equal(existsSync(join(dir, LOCK_NAME)), false);
    });

    it('a .tmp- folder from an earlier version is set aside on open', async () => {
      mkdirSync(join(dir, '.tmp-999999-abcdef'));
      const store = new NoteStore(dir);
      await store.load();
      assert.deepEqual(temps(), []);
    });
  });

  describe('temp files are removed on every failure path (10)', () => {
    it('a lock that cannot be written (ENOSPC) leaves no .tmp- file', async () => {
      const store = await open();
      const note = await store.create({ kind: 'note', body: 'a\n' });
      const realWriteFile = fs.writeFile;
      fs.writeFile = (async (path: Parameters<typeof realWriteFile>[0], data: string, options?: unknown) => {
        if (String(path).includes('.tmp-')) {
          await realWriteFile(path, String(data).slice(0, 3), options as never); // half written, then the disk is full
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        }
        return realWriteFile(path, data, options as never);
      }) as typeof fs.writeFile;
      try {
        await assert.rejects(
          store.save(note.id, { body: 'b\n' }, 1),
          (e: unknown) => e instanceof NoteStoreError && e.code === 'disk-full',
        );
      } finally {
        fs.writeFile = realWriteFile;
      }
      assert.deepEqual(temps(), []);
    });

    it('a backup that cannot be renamed into place leaves no .tmp- file', async () => {
      const store = await open();
      const note = await store.create({ kind: 'note', body: 'a\n' });
      const realRename = fs.rename;
      fs.rename = (async (from: string, to: string) => {
        if (String(to).endsWith('.md.bak')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return realRename(from, to);
      }) as typeof fs.rename;
      try {
        await assert.rejects(store.save(note.id, { body: 'b\n' }, 1));
      } finally {
        fs.rename = realRename;
      }
      assert.deepEqual(temps(), []);
      assert.equal((await store.read(note.id)).body, 'a\n');
    });
  });

  describe('several damaged files are one report (11)', () => {
    it('five damaged files: five quarantined, each named in the report', async () => {
      for (let i = 1; i <= 5; i++) writeFileSync(join(dir, `bad${i}.md`), `garbage ${i}`);
      const report = await new NoteStore(dir).load();
      assert.equal(report.quarantined.length, 5);
      assert.equal(report.warnings.length, 5, 'each one is named (the editor shows one summary for all of them)');
    });
  });

  describe('import refuses sections larger than the store accepts (12)', () => {
    it('a 6 MB section is reported, not created (and so never quarantined on the next open)', async () => {
      const source = join(root, 'source');
      const big = new NoteStore(source);
      await big.load();
      await big.create({ id: 'small', kind: 'note', body: '# Small\n' });
      const doc = join(root, 'export.md');
      await exportToDocument(big, doc);
      // A hand-made section bigger than a note may be.
      const huge = `<!-- multiplier-note {"id":"huge","kind":"note","created":"2025-01-01T00:00:00.000Z","tags":[],"links":[]} -->\n# Huge\n${'x'.repeat(MAX_NOTE_BYTES + 1024)}\n`;
      writeFileSync(doc, `${readFileSync(doc, 'utf8')}\n${huge}`);
      const store = await open();
      const report = await importPaths(store, [doc]);
      assert.equal(report.created, 1);
      assert.equal(report.tooLarge.length, 1, JSON.stringify(report.tooLarge));
      assert.match(report.tooLarge[0] ?? '', /huge/);
      const reopened = new NoteStore(dir);
      const again = await reopened.load();
      assert.deepEqual(again.quarantined, []);
      assert.deepEqual(
        reopened.allCached().map((n) => n.id),
        ['small'],
      );
    });

    it('the store itself refuses to write a note over the limit', async () => {
      const store = await open();
      await assert.rejects(
        store.create({ kind: 'note', body: 'x'.repeat(MAX_NOTE_BYTES + 1) }),
        (e: unknown) => e instanceof NoteStoreError && e.code === 'too-large',
      );
      assert.deepEqual(temps(), []);
    });
  });
});
