import * as assert from 'node:assert/strict';
import { fileNameForTitle, NOTE_SCHEME, noteIdFromUri, notePath } from '../../../src/notes/model/uri';

describe('note uris', () => {
  describe('noteIdFromUri', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['titled (current shape)', '/2026-11-25-652eb71f8a/Asked before telling in review.md', '2026-11-25-652eb71f8a'],
      ['id only (first shape, still accepted)', '/2026-11-25-652eb71f8a.md', '2026-11-25-652eb71f8a'],
      ['conflict copy, titled', '/n1.conflict-20260101T000000000Z/Title.md', 'n1.conflict-20260101T000000000Z'],
      ['conflict copy, first shape', '/n1.conflict-20260101T000000000Z.md', 'n1.conflict-20260101T000000000Z'],
      ['a title that looks like another id', '/abc/def.md', 'abc'],
      ['the root', '/', undefined],
      ['a folder alone', '/2026-11-25-652eb71f8a', undefined],
      ['not Markdown', '/2026-11-25-652eb71f8a/Title.txt', undefined],
      ['an empty file name', '/abc/.md', undefined],
      ['too deep', '/abc/def/Title.md', undefined],
      ['an invalid id', '/../Title.md', undefined],
      ['an id with a dot-dot', '/a..b.md', undefined],
      ['no leading slash', 'abc.md', undefined],
    ];
    for (const [name, path, expected] of cases) {
      it(`${name}: ${path} → ${String(expected)}`, () => {
        assert.equal(noteIdFromUri({ scheme: NOTE_SCHEME, path }), expected);
      });
    }

    it('ignores other schemes', () => {
      assert.equal(noteIdFromUri({ scheme: 'file', path: '/abc.md' }), undefined);
    });

    it('reads back the id of every path it builds', () => {
      for (const title of ['Plain', '', 'a/b\\c: d?#e%', '…', '# not a heading', 'x'.repeat(300)]) {
        assert.equal(
          noteIdFromUri({ scheme: NOTE_SCHEME, path: notePath('2026-01-02-0a1b2c3d4e', title) }),
          '2026-01-02-0a1b2c3d4e',
          title,
        );
      }
    });
  });

  describe('fileNameForTitle', () => {
    const cases: Array<[string, string]> = [
      ['Asked before telling in review', 'Asked before telling in review.md'],
      ['Week of 2026-11-23: wins & lessons', 'Week of 2026-11-23 wins & lessons.md'],
      ['Use `git bisect` **first**', 'Use git bisect first.md'],
      ['a/b\\c', 'a b c.md'],
      ['What? Why #now 100%', 'What Why now 100.md'],
      ['  spaced   out  ', 'spaced out.md'],
      ['...dots...', 'dots.md'],
      ['', 'Growth note.md'],
      ['??', 'Growth note.md'],
      ['Title cut by the model…', 'Title cut by the model.md'],
      ['tab\tand\nnewline', 'tab and newline.md'],
    ];
    for (const [title, expected] of cases) {
      it(`${JSON.stringify(title)} → ${expected}`, () => {
        assert.equal(fileNameForTitle(title), expected);
      });
    }

    it('cuts a long title at a word and marks the cut', () => {
      const name = fileNameForTitle(`${'word '.repeat(30)}end`);
      assert.ok(name.length <= 60 + '….md'.length, name);
      assert.match(name, /^(word )+word….md$/);
    });

    it('cuts a long word hard', () => {
      assert.equal(fileNameForTitle('x'.repeat(100)), `${'x'.repeat(60)}….md`);
    });
  });
});
