import * as assert from 'node:assert/strict';
import { degreeOfAuthorship, DOA, truckFactor, type PersonRef } from '../../../src/health/model/knowledge';
import { computeHealth } from '../../../src/health/model/report';
import { at, commit, input, type CommitSpec } from './fixtures';

const NOW = at(13, 20);
const opts = { now: NOW, weeks: 4, timeZone: 'UTC' };

/**
 * src/db: 3 files only Ben ever touched, changed 14 times in the last 30 days.
 * src/ui: 3 files of Ann's; src/api/deps.json: created by a bot, then edited by Cid.
 * legacy/: 3 files of Cid's, who last committed 150 days ago; Ann touched one once this month.
 * README.md (Ann), logo.png (binary), old/gone.ts (created and later emptied: deleted).
 */
function team() {
  const specs: [string, CommitSpec][] = [
    [
      'l1',
      {
        by: 'cid',
        at: at(-300),
        files: [
          ['legacy/a.py', 50, 0],
          ['legacy/b.py', 30, 0],
          ['legacy/c.py', 20, 0],
        ],
      },
    ],
    [
      'r1',
      {
        at: at(-250),
        files: [
          ['README.md', 10, 0],
          ['logo.png', null, null],
          ['old/gone.ts', 10, 0],
        ],
      },
    ],
    ['l2', { by: 'cid', at: at(-200), files: [['legacy/a.py', 5, 1]] }],
    ['d0', { by: 'bot', at: at(-160), files: [['src/api/deps.json', 20, 0]] }],
    ['d1', { by: 'cid', at: at(-150), files: [['src/api/deps.json', 2, 2]] }],
    [
      'u1',
      {
        at: at(-100),
        files: [
          ['src/ui/x.ts', 10, 0],
          ['src/ui/y.ts', 10, 0],
          ['src/ui/z.ts', 10, 0],
        ],
      },
    ],
    ['g1', { at: at(-90), files: [['old/gone.ts', 0, 10]] }],
    [
      'b0',
      {
        by: 'ben',
        at: at(-60),
        files: [
          ['src/db/a.sql', 10, 0],
          ['src/db/b.sql', 10, 0],
          ['src/db/c.sql', 10, 0],
        ],
      },
    ],
    ['a1', { at: at(10), files: [['legacy/b.py', 1, 1]] }],
  ];
  for (let d = -14; d <= -1; d++) specs.push([`b${d}`, { by: 'ben', at: at(d, 9), files: [['src/db/a.sql', 1, 0]] }]);
  specs.sort((a, b) => a[1].at - b[1].at);
  const commits = specs.map(([label, spec], i) => commit(label, { ...spec, parents: i === 0 ? [] : [specs[i - 1][0]] }));
  return input({ commits });
}

describe('health shared knowledge', () => {
  it("computes the degree of authorship with the paper's constants", () => {
    assert.deepEqual(
      [DOA.base, DOA.firstAuthorship, DOA.deliveries, DOA.acceptances, DOA.normalizedThreshold, DOA.absoluteThreshold, DOA.coverage],
      [3.293, 1.098, 0.164, 0.321, 0.75, 3.293, 0.5],
    );
    // Creator with 1 commit against 3 by someone else; that someone with 3 against 1.
    const creator = degreeOfAuthorship(true, 1, 3);
    const other = degreeOfAuthorship(false, 3, 1);
    assert.ok(Math.abs(creator - (3.293 + 1.098 + 0.164 - 0.321 * Math.log(4))) < 1e-12);
    assert.ok(Math.abs(creator - 4.10999) < 1e-4);
    assert.ok(Math.abs(other - 3.5625) < 1e-4);
    assert.ok(other / creator > 0.75, 'both are authors');
    // One change to someone else's file with one change of theirs: below the absolute threshold.
    assert.ok(degreeOfAuthorship(false, 1, 1) < DOA.absoluteThreshold);
  });

  it('truck factor: remove the people who author most files until more than half are orphaned', () => {
    const people: PersonRef[] = ['a@x', 'b@x', 'c@x'].map((email) => ({ name: email, email, lastCommitAt: 0, active: true }));
    // a: files 0–2, b: files 2–3. Removing a orphans 2 of 4 (not more than half); then b.
    assert.equal(truckFactor([[0], [0], [0, 1], [1]], people).value, 2);
    // a alone holds 3 of 4 files.
    const one = truckFactor([[0], [0], [0], [1, 2]], people);
    assert.equal(one.value, 1);
    assert.deepEqual(
      one.people.map((p) => p.email),
      ['a@x'],
    );
    // More than half have no author at all: 0.
    assert.equal(truckFactor([[], [], [0]], people).value, 0);
    assert.equal(truckFactor([[], [0]], people).filesWithoutAuthor, 1);
  });

  const report = computeHealth(team(), opts);
  const k = report.knowledge;

  it('judges the files at HEAD: a file emptied in history is gone, binaries and bots are left out', () => {
    assert.equal(k.fileSource, 'inferred');
    assert.equal(k.excluded.binaryOnlyFiles, 1);
    assert.equal(k.excluded.bots, 1);
    assert.ok(k.truckFactor.ok);
    assert.equal(k.truckFactor.value.files, 11);
    // Ann authors 4 (ui ×3, README), Cid 4 (legacy ×3, deps.json: first person to touch it), Ben 3.
    // Removing Ann orphans 4/11; Cid next (tie with Ann broken by e-mail) orphans 8/11 > half.
    assert.equal(k.truckFactor.value.value, 2);
    assert.deepEqual(
      k.truckFactor.value.people.map((p) => p.name),
      ['Ann Lee', 'Cid Park'],
    );
    assert.equal(k.singleAuthorFiles, 11);
    assert.equal(k.filesAtRisk, 4, 'legacy ×3 and deps.json: their only author is inactive');
  });

  it('finds folders one person knows and folders nobody active knows, and colours the treemap by active owners', () => {
    assert.deepEqual(
      k.singleOwnerFolders.map((f) => [f.path, f.person.name, f.recentChanges]),
      [
        ['legacy', 'Cid Park', 1],
        ['src/db', 'Ben Ode', 14],
        ['src/ui', 'Ann Lee', 0],
      ],
    );
    assert.deepEqual(
      k.foldersAtRisk.map((f) => [f.path, f.people.map((p) => p.name)]),
      [['legacy', ['Cid Park']]],
    );
    const src = k.topFolders.find((f) => f.path === 'src')!;
    assert.equal(src.truckFactor.value, 2);
    assert.equal(src.activeOwners, 1, 'deps.json has no active author, so Ann alone leaving orphans 4 of 7');
    assert.deepEqual(
      k.treemap.map((l) => [l.path, l.files, l.activeOwners]),
      [
        ['legacy', 3, 0],
        ['src/db', 3, 1],
        ['src/ui', 3, 1],
        ['', 1, 1],
        ['src/api', 1, 0],
      ],
    );
  });

  it('suggests spreading knowledge, busiest folder first', () => {
    assert.deepEqual(
      k.suggestions.map((s) => s.text),
      [
        'Only Ben Ode knows src/db, which changed 14 times this month. Ask Ben to pair on the next change there, or to record a tour of it.',
        'Most of legacy, which changed once this month, has no active author: Cid Park last committed 163 days ago. Whoever changes it next could pair with a second person and write down what they learn.',
        'Only Ann Lee knows src/ui, which has not changed this month. Ask Ann to pair on the next change there, or to record a tour of it.',
      ],
    );
  });

  it('uses the HEAD file list when given, and merges aliases', () => {
    const base = team();
    const withHead = computeHealth({ ...base, headFiles: ['src/db/a.sql', 'src/db/b.sql', 'src/db/c.sql', 'docs/new.md'] }, opts).knowledge;
    assert.equal(withHead.fileSource, 'head');
    assert.ok(withHead.truckFactor.ok);
    // docs/new.md has no history here: no author. Ben holds 3 of 4 files.
    assert.deepEqual(
      [withHead.truckFactor.value.files, withHead.truckFactor.value.value, withHead.truckFactor.value.filesWithoutAuthor],
      [4, 1, 1],
    );

    // Cid's address at home is Cid too: his later edit of a.py keeps him active.
    const aliased = input({
      commits: [...base.commits, commit('home', { at: at(5), parents: ['a1'], files: [['legacy/a.py', 1, 0]] })].map((c) =>
        c.hash === commit('home', { at: 0 }).hash ? { ...c, author: { name: 'Cid P.', email: 'CID@home.io', time: c.author.time } } : c,
      ),
    });
    const merged = computeHealth(aliased, { ...opts, knowledge: { aliases: { 'cid@home.io': 'cid@x.io' } } }).knowledge;
    assert.deepEqual(merged.foldersAtRisk, []);
    const separate = computeHealth(aliased, opts).knowledge;
    assert.deepEqual(
      separate.foldersAtRisk.map((f) => f.path),
      ['legacy'],
    );
  });

  it('excludes paths and says so when nothing is left', () => {
    const none = computeHealth(team(), { ...opts, knowledge: { excludePaths: [''] } }).knowledge;
    assert.deepEqual(none.truckFactor, { ok: false, reason: 'no files left after exclusions' });
    const empty = computeHealth(input({ commits: [] }), opts).knowledge;
    assert.deepEqual(empty.truckFactor, { ok: false, reason: 'no commits by people in the history' });
  });
});
