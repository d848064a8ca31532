import * as assert from 'node:assert/strict';
import { groupByTag, groupByWeek, isoWeek, noteTitle, searchNotes, summarize, UNTAGGED } from '../../../src/notes/model/summaries';
import { sampleNote } from './fixtures';

describe('notes model', () => {
  describe('isoWeek', () => {
    const cases: Array<[number, number, number, string]> = [
      [2025, 1, 6, '2025-W02'],
      [2024, 12, 30, '2025-W01'],
      [2021, 1, 3, '2020-W53'],
      [2026, 6, 15, '2026-W25'],
    ];
    for (const [y, m, d, week] of cases) it(`${y}-${m}-${d} is ${week}`, () => assert.equal(isoWeek(new Date(y, m - 1, d, 12)), week));
  });

  describe('noteTitle', () => {
    const cases: Array<[string, string]> = [
      ['# Heading\nbody', 'Heading'],
      ['\n\n  plain first line\n', 'plain first line'],
      ['<!-- comment -->\n## Sub', 'Sub'],
      ['', 'Growth note'],
      [`# ${'x'.repeat(100)}`, `${'x'.repeat(79)}…`],
    ];
    for (const [body, title] of cases)
      it(`${JSON.stringify(body.slice(0, 20))} → ${title.slice(0, 20)}`, () => assert.equal(noteTitle({ body, kind: 'note' }), title));
  });

  const notes = [
    summarize(sampleNote({ id: 'a', created: '2025-01-06T12:00:00.000Z', tags: ['testing'], body: '# Flaky tests\n\nretry logic\n' })),
    summarize(
      sampleNote({
        id: 'b',
        created: '2025-01-08T12:00:00.000Z',
        tags: ['testing', 'architecture'],
        body: '# Layers\n\nflaky boundaries\n',
      }),
    ),
    summarize(sampleNote({ id: 'c', created: '2025-01-14T12:00:00.000Z', tags: [], body: '# Pairing\n' })),
  ];

  it('groups by week, newest week first, with counts', () => {
    assert.deepEqual(
      groupByWeek(notes).map((g) => [g.key, g.notes.map((n) => n.id)]),
      [
        ['2025-W03', ['c']],
        ['2025-W02', ['b', 'a']],
      ],
    );
  });

  it('groups by tag, a note in each of its tags, untagged last', () => {
    assert.deepEqual(
      groupByTag(notes).map((g) => [g.key, g.notes.length]),
      [
        ['architecture', 1],
        ['testing', 2],
        [UNTAGGED, 1],
      ],
    );
  });

  describe('search', () => {
    const cases: Array<[string, string[]]> = [
      ['flaky', ['a', 'b']],
      ['FLAKY retry', ['a']],
      ['#architecture', ['b']],
      ['#architect', []],
      ['pairing', ['c']],
      ['nothing-like-this', []],
    ];
    for (const [query, ids] of cases)
      it(`"${query}" finds ${ids.join(',') || 'nothing'}`, () =>
        assert.deepEqual(
          searchNotes(notes, query).map((n) => n.id),
          ids,
        ));
  });
});
