import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Commit } from '../../../src/git/api';
import { LogStreamParser, decodeField, logFormat, parseLog, parseRawDate } from '../../../src/git/model/logParser';

const SENTINEL = 'MPXTEST';
const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name));
const H = (n: number) => n.toString(16).padStart(40, '0');

/** Builds one record exactly as `git log -z --numstat --format=<logFormat>` prints it. */
function record(
  fields: { hash: string; parents?: string[]; side?: string; name?: Buffer | string; subject?: string; body?: Buffer | string },
  numstat: string[] = [],
): Buffer {
  const part = (v: Buffer | string) => (Buffer.isBuffer(v) ? v : Buffer.from(v, 'utf8'));
  const header = [
    `\x1e${SENTINEL}`,
    fields.hash,
    (fields.parents ?? []).join(' '),
    fields.side ?? '>',
    fields.name ?? 'Ann',
    'ann@x.io',
    '1700000000 +0530',
    'Cid',
    'cid@x.io',
    '1700000100 -0800',
    fields.subject ?? 'subject',
    fields.body ?? '',
  ];
  const out: Buffer[] = [];
  for (const f of header) out.push(part(f), Buffer.from([0]));
  out.push(Buffer.from([0])); // git's -z record separator
  numstat.forEach((entry, i) => out.push(Buffer.from((i === 0 ? '\n' : '') + entry, 'utf8'), Buffer.from([0])));
  return Buffer.concat(out);
}

/** Every way of cutting `bytes` into two or three pieces, fed to a fresh parser. */
function allSplits(bytes: Buffer, step = 1): Commit[][] {
  const results: Commit[][] = [];
  for (let i = 0; i <= bytes.length; i += step) {
    for (let j = i; j <= bytes.length; j += Math.max(step, 7)) {
      results.push(parseLog(SENTINEL, [bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)]));
    }
  }
  return results;
}

describe('git log stream parser', () => {
  it('builds the format from the sentinel, NUL-separated', () => {
    assert.equal(logFormat('S'), '%x1eS%x00%H%x00%P%x00%m%x00%aN%x00%aE%x00%ad%x00%cN%x00%cE%x00%cd%x00%s%x00%b%x00');
  });

  it('parses the captured tricky repository', () => {
    const commits = parseLog(SENTINEL, fixture('tricky.log.bin'));
    assert.equal(commits.length, 11);
    const bySubject = new Map(commits.map((c) => [c.subject, c]));

    const initial = bySubject.get('Initial commit')!;
    assert.deepEqual(initial.parents, []);
    assert.equal('body' in initial, false, 'a body is never kept');
    assert.equal(initial.prTitle, undefined);
    assert.deepEqual(initial.files, [{ path: 'a.txt', added: 1, deleted: 0 }]);
    assert.equal(initial.author.tz, '+0200');

    const odd = bySubject.get('Add binary, odd name 🚀')!;
    assert.equal(odd.author.name, 'Zoë Ünïcødé 日本');
    assert.deepEqual(
      odd.files.map((f) => [f.path, f.added, f.deleted]),
      [
        ['logo.bin', null, null],
        ['src/deep/m.ts', 1, 0],
        ['we ird\tname\n.txt', 1, 0],
      ],
    );

    const latin = bySubject.get('Latin-1 author')!;
    assert.equal(latin.author.email, 'jose@example.com', 'a fake record start in a body does not split the record');

    const merge = bySubject.get('Merge pull request #12 from bob/feature')!;
    assert.equal(merge.parents.length, 2);
    assert.deepEqual(merge.files, [], 'git prints no numstat for merges');
    assert.equal(merge.prTitle, 'Feature work title', "a merged PR's title is the first line of its body");

    assert.equal(bySubject.get('Octopus merge')!.parents.length, 3);
    const revert = bySubject.get('Revert "Add search (#34)"')!;
    const revertOfRevert = bySubject.get('Revert "Revert "Add search (#34)""')!;
    assert.equal(revert.revertOf, bySubject.get('Add search (#34)')!.hash);
    assert.equal(revertOfRevert.revertOf, revert.hash);
    assert.equal(commits.filter((c) => c.revertOf !== undefined).length, 2, 'only the two reverts quote a commit');
  });

  it('gives the same commits for every chunk split of the captured output', () => {
    const bytes = fixture('tricky.log.bin');
    const whole = parseLog(SENTINEL, bytes);
    for (const commits of allSplits(bytes, 31)) assert.deepEqual(commits, whole);
  });

  it('handles splits inside a multi-byte character and between two NULs', () => {
    const bytes = record({ hash: H(1), name: 'Ωmega 日本', subject: 'emoji 🚀 here' }, ['3\t1\tdocs/ü.md']);
    const whole = parseLog(SENTINEL, bytes);
    assert.equal(whole[0].author.name, 'Ωmega 日本');
    assert.equal(whole[0].subject, 'emoji 🚀 here');
    assert.equal(whole[0].files[0].path, 'docs/ü.md');
    const rocket = bytes.indexOf(Buffer.from('🚀'));
    const doubleNul = bytes.indexOf(Buffer.from([0, 0]));
    for (const cut of [rocket + 1, rocket + 2, rocket + 3, doubleNul + 1]) {
      assert.deepEqual(parseLog(SENTINEL, [bytes.subarray(0, cut), bytes.subarray(cut)]), whole, `cut at ${cut}`);
    }
    // One byte at a time: the most hostile chunking.
    const parser: Commit[] = [];
    const p = new LogStreamParser(SENTINEL, (c) => parser.push(c));
    for (const byte of bytes) p.push(Buffer.from([byte]));
    p.end();
    assert.deepEqual(parser, whole);
  });

  it('reads non-UTF-8 bytes as Latin-1 instead of failing', () => {
    const bytes = record({
      hash: H(2),
      parents: [H(1), H(0)],
      name: Buffer.from([0x4a, 0x6f, 0x73, 0xe9]),
      subject: 'Merge pull request #5 from jo/x',
      body: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0xff, 0x0a, 0x78]),
    });
    const [commit] = parseLog(SENTINEL, bytes);
    assert.equal(commit.author.name, 'José');
    assert.equal(commit.prTitle, 'café\u00ff');
    assert.equal(decodeField(Buffer.from('ok ✓')), 'ok ✓');
  });

  it('keeps only the title of a merged PR and the id a revert quotes, nothing else of a body', () => {
    const cases: [string, Parameters<typeof record>[0], Partial<Commit>][] = [
      ['plain body', { hash: H(3), body: 'para 1\n\npara 2\n  code\n\n' }, {}],
      [
        'PR merge',
        { hash: H(3), parents: [H(1), H(2)], subject: 'Merge pull request #7 from a/b', body: '  Title  \n\nmore' },
        { prTitle: 'Title' },
      ],
      ['PR merge, empty body', { hash: H(3), parents: [H(1), H(2)], subject: 'Merge pull request #7 from a/b' }, {}],
      ['one parent is no PR merge', { hash: H(3), parents: [H(1)], subject: 'Merge pull request #7 from a/b', body: 'Title' }, {}],
      ['revert', { hash: H(3), body: `Because.\n\nThis reverts commit ${H(9)}.\nThis reverts commit ${H(8)}.` }, { revertOf: H(9) }],
      ['revert by hand, short id', { hash: H(3), body: 'This reverts commit abc1234, oops' }, { revertOf: 'abc1234' }],
      [
        'too short an id, then a real one',
        { hash: H(3), body: 'This reverts commit abc.\nThis reverts commit abcdef12.' },
        { revertOf: 'abcdef12' },
      ],
      ['upper case is not an id', { hash: H(3), body: 'This reverts commit ABCDEF12.' }, {}],
      ['quoted in the subject', { hash: H(3), subject: `This reverts commit ${H(7)}` }, { revertOf: H(7) }],
    ];
    for (const [name, fields, expected] of cases) {
      const [commit] = parseLog(SENTINEL, record(fields));
      assert.deepEqual(
        { prTitle: commit.prTitle, revertOf: commit.revertOf },
        { prTitle: undefined, revertOf: undefined, ...expected },
        name,
      );
      assert.ok(!('body' in commit), name);
    }
  });

  it('tells the sides of a symmetric range apart', () => {
    const sides: string[] = [];
    const p = new LogStreamParser(SENTINEL, (c, side) => sides.push(`${c.hash.slice(-1)}${side}`));
    p.push(Buffer.concat([record({ hash: H(1), side: '<' }), record({ hash: H(2), side: '>' }), record({ hash: H(3) })]));
    p.end();
    assert.deepEqual(sides, ['1left', '2right', '3right']);
  });

  it('resynchronises after a stray NUL inside a message and never invents a commit', () => {
    const broken = record({ hash: H(4), body: 'before\0after' }, ['1\t1\tx.ts']);
    const next = record({ hash: H(5), parents: [H(4)] }, ['2\t0\ty.ts']);
    const commits = parseLog(SENTINEL, Buffer.concat([broken, next]));
    assert.deepEqual(commits.map((c) => c.hash).includes(H(5)), true);
    assert.ok(commits.every((c) => /^[0-9a-f]{40}$/.test(c.hash)));
    assert.deepEqual(commits.find((c) => c.hash === H(5))!.files, [{ path: 'y.ts', added: 2, deleted: 0 }]);
  });

  it('ignores a record whose hash is not a sha (e.g. a file named like the sentinel)', () => {
    const bogus = Buffer.concat([Buffer.from(`\x1e${SENTINEL}\0not-a-sha\0`), Buffer.from('\0'.repeat(9))]);
    const commits = parseLog(SENTINEL, Buffer.concat([bogus, record({ hash: H(6) })]));
    assert.deepEqual(
      commits.map((c) => c.hash),
      [H(6)],
    );
  });

  it('reads the rename form of -z numstat if renames are on', () => {
    const bytes = Buffer.concat([record({ hash: H(7) }, ['4\t2\t']), Buffer.from('old/p.ts\0new/p.ts\0')]);
    assert.deepEqual(parseLog(SENTINEL, bytes)[0].files, [{ path: 'new/p.ts', added: 4, deleted: 2 }]);
  });

  it('parses raw dates with their time zone', () => {
    const table: [string, number, string][] = [
      ['1700000000 +0530', 1_700_000_000_000, '+0530'],
      ['0 -1200', 0, '-1200'],
      ['garbage', 0, '+0000'],
    ];
    for (const [raw, time, tz] of table) assert.deepEqual(parseRawDate(raw), { time, tz }, raw);
    const [c] = parseLog(SENTINEL, record({ hash: H(8) }));
    assert.deepEqual(
      [c.author.time, c.author.tz, c.committer.time, c.committer.tz],
      [1_700_000_000_000, '+0530', 1_700_000_100_000, '-0800'],
    );
  });

  it('returns nothing for an empty repository', () => {
    assert.deepEqual(parseLog(SENTINEL, fixture('empty.log.bin')), []);
    assert.deepEqual(parseLog(SENTINEL, Buffer.alloc(0)), []);
  });

  it('parses a shallow clone, whose boundary commit shows no parents', () => {
    const commits = parseLog(SENTINEL, fixture('shallow.log.bin'));
    assert.equal(commits.length, 2);
    assert.deepEqual(commits[1].parents, []);
    assert.equal(commits[0].parents[0], commits[1].hash);
  });

  it('parses octopus merges with all parents', () => {
    const [c] = parseLog(SENTINEL, record({ hash: H(9), parents: [H(1), H(2), H(3), H(4)] }));
    assert.deepEqual(c.parents, [H(1), H(2), H(3), H(4)]);
  });

  it('ignores a different sentinel (output from someone else) entirely', () => {
    assert.deepEqual(parseLog('MPXOTHER', fixture('tricky.log.bin')), []);
  });

  it("shares equal file changes across commits and keeps each commit's own list", () => {
    const bytes = Buffer.concat([
      record({ hash: H(10) }, ['3\t1\tsrc/a.ts', '1\t0\tsrc/b.ts']),
      record({ hash: H(11) }, ['3\t1\tsrc/a.ts']),
      record({ hash: H(12) }),
    ]);
    const [first, second, merge] = parseLog(SENTINEL, bytes);
    assert.equal(second.files[0], first.files[0], 'one object for "src/a.ts +3 -1"');
    assert.deepEqual(
      first.files.map((f) => f.path),
      ['src/a.ts', 'src/b.ts'],
    );
    assert.deepEqual(
      second.files.map((f) => f.path),
      ['src/a.ts'],
      'no change leaks from the previous commit',
    );
    assert.deepEqual(merge.files, []);
  });
});
