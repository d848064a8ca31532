import * as assert from 'node:assert/strict';
import { CURRENT_VERSION, MAX_NOTE_BYTES, parseNote, parseNoteBytes, serializeNote } from '../../../src/notes/model/format';
import { sampleNote } from './fixtures';
import type { Note } from '../../../src/notes/model/types';

describe('notes format', () => {
  describe('round-trip', () => {
    const cases: Array<[string, Partial<Note>]> = [
      ['a full note', {}],
      ['an empty body', { body: '' }],
      ['a body without a final newline', { body: 'just text' }],
      ['a body that starts with front-matter-like text', { body: '---\nid: fake\n---\n' }],
      ['no tags or links', { tags: [], links: [] }],
      ['a numeric-looking id', { id: '12345' }],
      ['every kind', { kind: 'one-on-one' }],
      ['unknown keys from a newer minor writer', { extra: { mood: '"curious"', 'x-y': '[1,2]' } }],
    ];
    for (const [name, overrides] of cases) {
      it(`keeps ${name}`, () => {
        const note = sampleNote(overrides);
        const text = serializeNote(note);
        const parsed = parseNote(text, note.id);
        assert.ok(parsed.ok, JSON.stringify(parsed));
        assert.deepEqual(parsed.note, note);
        assert.equal(serializeNote(parsed.note), text, 'serialising again gives the same bytes');
      });
    }

    it('writes the current version and a byte count', () => {
      const text = serializeNote(sampleNote());
      assert.match(text, new RegExp(`^---\\nversion: ${CURRENT_VERSION}\\n`));
      assert.match(text, /\nbytes: \d+\n---\n/);
    });
  });

  describe('migration from v1', () => {
    const v1 = [
      '---',
      'version: 1',
      'id: old-note-1',
      'type: reflection',
      'date: 2024-03-01T08:00:00Z',
      'tags: Testing, giving feedback',
      'file: src/a.ts:42',
      'commit: deadbeef',
      'pr: https://github.com/o/r/pull/3',
      'mood: happy',
      '---',
      '# Old reflection',
      '',
    ].join('\n');

    it('reads the v1 shape as a current note', () => {
      const parsed = parseNote(v1, 'old-note-1');
      assert.ok(parsed.ok, JSON.stringify(parsed));
      assert.equal(parsed.migratedFrom, 1);
      assert.deepEqual(parsed.note, {
        id: 'old-note-1',
        kind: 'weekly-reflection',
        created: '2024-03-01T08:00:00.000Z',
        updated: '2024-03-01T08:00:00.000Z',
        revision: 0,
        tags: ['testing', 'giving-feedback'],
        links: [
          { type: 'file', path: 'src/a.ts', line: 42 },
          { type: 'commit', sha: 'deadbeef' },
          { type: 'pr', url: 'https://github.com/o/r/pull/3' },
        ],
        body: '# Old reflection\n',
        extra: { mood: 'happy' },
      });
    });

    it('writes a migrated note as v2 that reads back the same', () => {
      const parsed = parseNote(v1);
      assert.ok(parsed.ok);
      const again = parseNote(serializeNote(parsed.note));
      assert.ok(again.ok);
      assert.equal(again.migratedFrom, undefined);
      assert.deepEqual(again.note, parsed.note);
    });
  });

  describe('bad files', () => {
    const good = serializeNote(sampleNote());
    const cases: Array<[string, Uint8Array, string]> = [
      ['empty', new Uint8Array(), 'empty'],
      ['only whitespace', Buffer.from('  \n\n'), 'empty'],
      ['truncated inside the front matter', Buffer.from(good.slice(0, 40)), 'truncated'],
      ['truncated inside the body', Buffer.from(good.slice(0, good.length - 5)), 'truncated'],
      ['invalid UTF-8', Buffer.concat([Buffer.from(good), Buffer.from([0xc3, 0x28, 0xff])]), 'not-utf8'],
      ['no front matter', Buffer.from('# just markdown\n'), 'no-front-matter'],
      ['a version from the future', Buffer.from(good.replace('version: 2', 'version: 9')), 'newer-version'],
      ['a version that is not a number', Buffer.from(good.replace('version: 2', 'version: two')), 'unsupported-version'],
      ['version 0', Buffer.from(good.replace('version: 2', 'version: 0')), 'unsupported-version'],
      ['a duplicate key', Buffer.from(good.replace('kind: note', 'kind: note\nkind: retro')), 'bad-field'],
      ['an unknown kind', Buffer.from(good.replace('kind: note', 'kind: diary')), 'bad-field'],
      ['a broken JSON list', Buffer.from(good.replace(/tags: .*/, 'tags: ["a",')), 'bad-field'],
      ['a negative revision', Buffer.from(good.replace('revision: 3', 'revision: -1')), 'bad-field'],
      ['a bad date', Buffer.from(good.replace(/created: .*/, 'created: yesterday')), 'bad-field'],
      ['a line that is not key: value', Buffer.from(good.replace('kind: note', 'kind note')), 'bad-field'],
      ['over the size limit', Buffer.alloc(MAX_NOTE_BYTES + 1, 0x61), 'too-large'],
    ];
    for (const [name, bytes, failure] of cases) {
      it(`rejects ${name} as ${failure}`, () => {
        const parsed = parseNoteBytes(bytes);
        assert.equal(parsed.ok, false);
        assert.equal(!parsed.ok && parsed.failure, failure);
      });
    }

    it('rejects an id that does not match the file name', () => {
      const parsed = parseNote(good, 'other-id');
      assert.equal(!parsed.ok && parsed.failure, 'bad-field');
    });

    it('accepts a hand edit that made the body longer', () => {
      const parsed = parseNote(good + 'more words\n');
      assert.ok(parsed.ok);
    });
  });
});
