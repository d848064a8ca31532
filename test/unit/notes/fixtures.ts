import type { Note } from '../../../src/notes/model/types';

/** A note that exercises every field, with text that tends to break parsers. */
export function sampleNote(overrides: Partial<Note> = {}): Note {
  return {
    id: '2025-01-06-abc123',
    kind: 'note',
    created: '2025-01-06T09:30:00.000Z',
    updated: '2025-01-06T10:00:00.000Z',
    revision: 3,
    tags: ['testing', 'giving-feedback'],
    links: [
      { type: 'file', path: 'src/app.ts', line: 12 },
      { type: 'commit', sha: 'a1b2c3d4e5f6', repo: '/work/repo' },
      { type: 'pr', url: 'https://github.com/o/r/pull/7' },
    ],
    body: '# Asked instead of told\n\nIt worked: "quotes", émoji 🎉, --- and\r\nCRLF lines.\n',
    extra: {},
    ...overrides,
  };
}
