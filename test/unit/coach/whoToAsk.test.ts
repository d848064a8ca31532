import * as assert from 'node:assert/strict';
import type { FileOwner } from '../../../src/git/api';
import { draftQuestion } from '../../../src/coach/model/questionDraft';
import { DAY } from '../../../src/coach/model/signals/types';
import { commonArea, suggestPeople } from '../../../src/coach/model/whoToAsk';

const NOW = Date.UTC(2025, 4, 12, 12);
const owner = (name: string, email: string, commits: number, linesChanged: number, daysAgo: number, weight = 0.3): FileOwner => ({
  name,
  email,
  commits,
  files: 1,
  linesChanged,
  lastChangedAt: NOW - daysAgo * DAY,
  weight,
});

describe('coach: who to ask', () => {
  const owners = [
    owner('Ana Lima', 'ana@example.com', 12, 400, 3, 0.5),
    owner('Me Myself', 'ME@example.com', 8, 300, 0, 0.3),
    owner('Bo Chen', 'bo@example.com', 4, 200, 40, 0.1),
    owner('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com', 9, 90, 1, 0.05),
    owner('Cy Old', 'cy@example.com', 1, 10, 80, 0.05),
  ];
  it('suggests at most two people, never the user nor a bot, with a checkable reason', () => {
    const people = suggestPeople(owners, 'me@example.com', ['src/git/log.ts', 'src/git/parse.ts'], NOW, 90);
    assert.deepEqual(people, [
      {
        name: 'Ana Lima',
        email: 'ana@example.com',
        reason: 'changed 44% of src/git in the last 90 days (12 commits), most recently 3 days ago',
      },
      {
        name: 'Bo Chen',
        email: 'bo@example.com',
        reason: 'changed 22% of src/git in the last 90 days (4 commits), most recently 40 days ago',
      },
    ]);
  });
  it('suggests no one when the user is the only author', () => {
    assert.deepEqual(suggestPeople([owner('Me', 'me@example.com', 3, 30, 1)], 'me@example.com', ['a.ts'], NOW), []);
  });
  it('falls back to the weight when no lines were counted, and speaks of the repository without files', () => {
    const [only] = suggestPeople([owner('Ana', 'ana@example.com', 1, 0, 1, 0.25)], undefined, [], NOW);
    assert.equal(only.reason, 'changed 25% of this repository (1 commit), most recently yesterday');
  });
  const areas: { files: string[]; area: string }[] = [
    { files: [], area: '' },
    { files: ['src/x.ts'], area: 'src/x.ts' },
    { files: ['src/git/a.ts', 'src/git/b/c.ts'], area: 'src/git' },
    { files: ['src/a.ts', 'test/a.ts'], area: '' },
    { files: ['src/git/a.ts', 'src/git'], area: 'src' },
  ];
  for (const c of areas)
    it(`names the common area of ${JSON.stringify(c.files)} "${c.area}"`, () => assert.equal(commonArea(c.files), c.area));
});

describe('coach: question and note drafts', () => {
  it('builds a message with files and what was tried', () => {
    const text = draftQuestion({
      personName: 'Ana Lima',
      signalSummary: "You've been editing src/x.ts for 50 min without a commit.",
      files: ['src/x.ts'],
      tried: 'Reverted the cache change; still slow.',
    });
    assert.equal(
      text,
      [
        'Hi Ana, could you spare 10 minutes to help me think through src/x.ts?',
        '',
        "Where I am: I've been editing src/x.ts for 50 min without a commit.",
        "What I've tried so far: Reverted the cache change; still slow.",
        'Files: src/x.ts',
        '',
        'No rush; a pointer to where to look is already a big help.',
      ].join('\n'),
    );
  });
  it('leaves a placeholder when nothing was tried yet and handles no files', () => {
    const text = draftQuestion({ personName: '', signalSummary: '"npm test" has failed 3 times in a row.', files: [], tried: '  ' });
    assert.match(text, /^Hi there, could you spare 10 minutes to help me think through something I am stuck on\?/);
    assert.match(text, /What I've tried so far: \(add what you tried\)/);
    assert.doesNotMatch(text, /Files:/);
  });
});
