import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NoteStore } from '../../../src/notes/source/store';
import { exportToDocument, exportToFolder, importPaths } from '../../../src/notes/source/transfer';
import { contentHash, oneOnOneDocument, planImport } from '../../../src/notes/model/documents';
import { sampleNote } from './fixtures';

describe('notes export and import', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'notes-transfer-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  async function storeWith(name: string, bodies: string[]): Promise<NoteStore> {
    const store = new NoteStore(join(root, name));
    await store.load();
    for (const [i, body] of bodies.entries()) {
      await store.create({ kind: 'note', body, tags: [`t${i}`], links: [{ type: 'pr', url: `https://x.test/pull/${i}` }] });
    }
    return store;
  }

  const bodiesOf = (store: NoteStore): string[] =>
    store
      .allCached()
      .map((n) => n.body)
      .sort();

  it('a folder export imported into an empty store gives the same notes, and again changes nothing', async () => {
    const source = await storeWith('a', ['# One\n', '# Two\n\ntext\n', '# Three\n']);
    assert.equal(await exportToFolder(source, join(root, 'out')), 3);
    const target = await storeWith('b', []);
    assert.deepEqual(await importPaths(target, [join(root, 'out')]), { created: 3, copies: 0, skipped: 0, unreadable: [], tooLarge: [] });
    assert.deepEqual(await importPaths(target, [join(root, 'out')]), { created: 0, copies: 0, skipped: 3, unreadable: [], tooLarge: [] });
    await target.load();
    assert.deepEqual(bodiesOf(target), bodiesOf(source));
    assert.deepEqual(
      target
        .allCached()
        .map((n) => n.id)
        .sort(),
      source
        .allCached()
        .map((n) => n.id)
        .sort(),
      'ids are kept',
    );
  });

  it('importing a folder export into its own store skips everything', async () => {
    const store = await storeWith('a', ['# One\n', '# Two\n']);
    await exportToFolder(store, join(root, 'out'));
    assert.equal((await importPaths(store, [join(root, 'out')])).skipped, 2);
    assert.equal(readdirSync(join(root, 'a')).filter((n) => n.endsWith('.md')).length, 2);
  });

  it('one-document export round-trips through import without duplicates', async () => {
    const source = await storeWith('a', ['# One\n\n- a list\n', '# Two\n']);
    await exportToDocument(source, join(root, 'notes.md'));
    const doc = readFileSync(join(root, 'notes.md'), 'utf8');
    assert.match(doc, /^# Growth notes\n/);
    assert.match(doc, /<!-- multiplier-note \{.*"tags":\["t0"\].*\} -->\n# One\n\n- a list\n/);
    const target = await storeWith('b', []);
    assert.equal((await importPaths(target, [join(root, 'notes.md')])).created, 2);
    assert.equal((await importPaths(target, [join(root, 'notes.md')])).created, 0);
    await target.load();
    assert.deepEqual(bodiesOf(target), bodiesOf(source));
  });

  it('foreign Markdown files are imported once, by content hash', async () => {
    const target = await storeWith('b', []);
    writeFileSync(join(root, 'mine.md'), '# Something I wrote elsewhere\r\n');
    assert.equal((await importPaths(target, [join(root, 'mine.md')])).created, 1);
    writeFileSync(join(root, 'mine.md'), '# Something I wrote elsewhere   \n');
    assert.equal((await importPaths(target, [join(root, 'mine.md')])).skipped, 1, 'line endings and trailing blanks do not make it new');
    await target.load();
    assert.deepEqual(
      target.list().map((s) => s.tags),
      [['imported']],
    );
  });

  it('a different note with a known id is added beside it, never over it', () => {
    const local = sampleNote({ id: 'same', body: 'mine\n' });
    const actions = planImport([local], [{ source: 'x', note: sampleNote({ id: 'same', body: 'theirs\n' }) }], {
      now: '2025-01-01T00:00:00.000Z',
      newId: () => 'fresh',
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0]?.action, 'create-copy');
    assert.equal(actions[0]?.action === 'create-copy' && actions[0].note.id, 'fresh');
  });

  it('duplicates inside one import are created once', () => {
    const actions = planImport(
      [],
      [
        { source: '1', text: 'same text' },
        { source: '2', text: 'same text\n' },
      ],
      { now: '2025-01-01T00:00:00.000Z', newId: () => 'n' },
    );
    assert.deepEqual(
      actions.map((a) => a.action),
      ['create', 'skip'],
    );
  });

  it('content hash ignores line endings and trailing blanks only', () => {
    assert.equal(contentHash('a\r\nb  \n'), contentHash('a\nb'));
    assert.notEqual(contentHash('a b'), contentHash('a  b'));
  });

  it('1:1 prep gathers the last N notes, newest first, with links', () => {
    const notes = [1, 2, 3].map((n) =>
      sampleNote({ id: `n${n}`, created: `2025-01-0${n}T10:00:00.000Z`, body: `# Note ${n}\n\nbody ${n}\n` }),
    );
    const doc = oneOnOneDocument(notes, 2, '2025-01-09T00:00:00.000Z');
    assert.match(doc, /^# 1:1 prep — 2025-01-09\n/);
    assert.ok(doc.indexOf('## Note 3') < doc.indexOf('## Note 2'));
    assert.equal(doc.includes('Note 1'), false);
    assert.match(doc, /- src\/app\.ts:12\n- commit a1b2c3d4e5f6\n- https:\/\/github\.com\/o\/r\/pull\/7/);
  });
});
