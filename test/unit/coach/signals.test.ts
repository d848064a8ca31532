import * as assert from 'node:assert/strict';
import type { FileOwner } from '../../../src/git/api';
import { detectAgeingBranch, type BranchState } from '../../../src/coach/model/signals/ageingBranch';
import { detectBackAndForth } from '../../../src/coach/model/signals/backAndForth';
import { detectErrorChurn } from '../../../src/coach/model/signals/errorChurn';
import { detectLongUncommitted } from '../../../src/coach/model/signals/longUncommitted';
import { detectRepeatedFailure } from '../../../src/coach/model/signals/repeatedFailure';
import { detectSingleAuthor } from '../../../src/coach/model/signals/singleAuthor';
import { type CoachEvent, DAY, DEFAULT_THRESHOLDS, MINUTE, type Thresholds } from '../../../src/coach/model/signals/types';

const T0 = Date.UTC(2025, 4, 12, 9, 0);
const at = (minutes: number): number => T0 + minutes * MINUTE;
const edit = (minute: number, file = 'src/x.ts', line = 10): CoachEvent => ({
  kind: 'edit',
  at: at(minute),
  file,
  startLine: line,
  endLine: line,
});
/** An edit every `step` minutes from `from` to `to` inclusive. */
const editsEvery = (from: number, to: number, step: number, file = 'src/x.ts', line = 10): CoachEvent[] => {
  const out: CoachEvent[] = [];
  for (let m = from; m <= to; m += step) out.push(edit(m, file, line));
  return out;
};
const commit = (minute: number): CoachEvent => ({ kind: 'commit', at: at(minute) });
const tree = (minute: number, dirty: boolean): CoachEvent => ({ kind: 'tree', at: at(minute), dirty });
const task = (minute: number, exitCode: number | undefined, name = 'shell: npm test'): CoachEvent => ({
  kind: 'taskEnd',
  at: at(minute),
  task: name,
  exitCode,
});
const diag = (minute: number, errors: number, file = 'src/x.ts'): CoachEvent => ({ kind: 'diagnostics', at: at(minute), file, errors });
const t = (overrides: Partial<Thresholds> = {}): Thresholds => ({ ...DEFAULT_THRESHOLDS, ...overrides });

describe('coach signals', () => {
  describe('long uncommitted work (active editing minutes)', () => {
    const cases: { name: string; events: CoachEvent[]; fires: boolean; thresholds?: Partial<Thresholds> }[] = [
      { name: 'steady editing for 50 min on a dirty tree', events: [tree(0, true), ...editsEvery(0, 50, 1)], fires: true },
      { name: 'steady editing for 40 min stays quiet', events: [tree(0, true), ...editsEvery(0, 40, 1)], fires: false },
      {
        name: 'a 2-hour lunch does not count as work',
        events: [tree(0, true), ...editsEvery(0, 20, 1), ...editsEvery(140, 155, 1)],
        fires: false,
      },
      {
        name: 'two 25-min stretches around a meeting add up',
        events: [tree(0, true), ...editsEvery(0, 25, 1), ...editsEvery(90, 115, 1)],
        fires: true,
      },
      {
        name: 'a commit resets the clock',
        events: [tree(0, true), ...editsEvery(0, 30, 1), commit(31), ...editsEvery(32, 60, 1)],
        fires: false,
      },
      {
        name: 'work before the commit plus enough after it fires',
        events: [...editsEvery(0, 30, 1), commit(31), tree(32, true), ...editsEvery(32, 80, 1)],
        fires: true,
      },
      {
        name: 'a clean tree (everything stashed or reverted) stays quiet',
        events: [tree(0, true), ...editsEvery(0, 50, 1), tree(51, false)],
        fires: false,
      },
      { name: 'edits with no git report count as uncommitted', events: editsEvery(0, 50, 1), fires: true },
      { name: 'sparse edits every 10 min count only the idle cap', events: [tree(0, true), ...editsEvery(0, 60, 10)], fires: false },
      {
        name: 'a short test threshold fires after seconds',
        events: [tree(0, true), edit(0), edit(0.05), edit(0.1)],
        fires: true,
        thresholds: { uncommittedActiveMinutes: 0.05 },
      },
      { name: 'no events', events: [], fires: false },
    ];
    for (const c of cases) {
      it(`${c.fires ? 'fires' : 'quiet'}: ${c.name}`, () => {
        const signal = detectLongUncommitted(c.events, t(c.thresholds));
        assert.equal(signal !== undefined, c.fires);
        if (signal) assert.match(signal.summary, /^You've been editing src\/x\.ts for \d+ (min|h)/);
      });
    }
    it('names the most-edited file first and counts the others', () => {
      const events = [tree(0, true), ...editsEvery(0, 40, 1, 'src/a.ts'), ...editsEvery(41, 50, 1, 'src/b.ts')];
      const signal = detectLongUncommitted(events, t());
      assert.equal(signal?.summary, "You've been editing src/a.ts and 1 other file for 50 min without a commit.");
      assert.deepEqual(signal?.files, ['src/a.ts', 'src/b.ts']);
    });
  });

  describe('repeated failures of the same task', () => {
    const cases: { name: string; events: CoachEvent[]; now: number; fires: boolean; thresholds?: Partial<Thresholds> }[] = [
      { name: 'three failures in a row', events: [task(0, 1), task(5, 1), task(9, 2)], now: at(10), fires: true },
      { name: 'two failures are not yet a pattern', events: [task(0, 1), task(5, 1)], now: at(10), fires: false },
      {
        name: 'two failures with a threshold of two',
        events: [task(0, 1), task(1, 1)],
        now: at(2),
        fires: true,
        thresholds: { repeatedFailures: 2 },
      },
      {
        name: 'a success in between resets the streak',
        events: [task(0, 1), task(5, 1), task(6, 0), task(9, 1)],
        now: at(10),
        fires: false,
      },
      {
        name: 'failures of different tasks do not add up',
        events: [task(0, 1, 'a'), task(5, 1, 'b'), task(9, 1, 'c')],
        now: at(10),
        fires: false,
      },
      {
        name: 'a terminated run (no exit code) is ignored',
        events: [task(0, 1), task(5, undefined), task(9, 1)],
        now: at(10),
        fires: false,
      },
      { name: 'old failures fall out of the window', events: [task(0, 1), task(5, 1), task(90, 1)], now: at(91), fires: false },
      {
        name: 'interleaved runs of another task do not break the streak',
        events: [task(0, 1), task(1, 0, 'lint'), task(5, 1), task(9, 1)],
        now: at(10),
        fires: true,
      },
    ];
    for (const c of cases) {
      it(`${c.fires ? 'fires' : 'quiet'}: ${c.name}`, () => {
        assert.equal(detectRepeatedFailure(c.events, c.now, t(c.thresholds)) !== undefined, c.fires);
      });
    }
    it('says which task and how often', () => {
      const signal = detectRepeatedFailure([task(0, 1), task(5, 1), task(9, 2)], at(10), t());
      assert.equal(signal?.summary, '"shell: npm test" has failed 3 times in a row (last exit code 2).');
    });
  });

  describe('error churn', () => {
    const cases: { name: string; events: CoachEvent[]; now: number; fires: boolean }[] = [
      { name: 'errors for 20 min across 10 edits', events: [diag(0, 2), ...editsEvery(1, 19, 2)], now: at(20), fires: true },
      {
        name: 'errors for 20 min but only 3 edits (reading, not churning)',
        events: [diag(0, 2), edit(5), edit(10), edit(15)],
        now: at(20),
        fires: false,
      },
      { name: 'errors for only 10 min', events: [diag(0, 2), ...editsEvery(1, 9, 1)], now: at(10), fires: false },
      {
        name: 'errors fixed in between restart the clock',
        events: [diag(0, 2), ...editsEvery(1, 9, 1), diag(10, 0), diag(12, 1), ...editsEvery(13, 19, 1)],
        now: at(20),
        fires: false,
      },
      { name: 'errors fixed at the end', events: [diag(0, 2), ...editsEvery(1, 19, 1), diag(19.5, 0)], now: at(20), fires: false },
      {
        name: 'changing error counts stay one episode',
        events: [diag(0, 2), diag(5, 4), diag(10, 1), ...editsEvery(1, 19, 2)],
        now: at(20),
        fires: true,
      },
      { name: 'edits to another file do not count', events: [diag(0, 2), ...editsEvery(1, 19, 1, 'src/y.ts')], now: at(20), fires: false },
    ];
    for (const c of cases) {
      it(`${c.fires ? 'fires' : 'quiet'}: ${c.name}`, () => {
        assert.equal(detectErrorChurn(c.events, c.now, t()) !== undefined, c.fires);
      });
    }
  });

  describe('back-and-forth edits of the same hunk', () => {
    const away = (minute: number): CoachEvent => edit(minute, 'src/other.ts', 200);
    const cases: { name: string; events: CoachEvent[]; now: number; fires: boolean }[] = [
      {
        name: 'four visits to line 10, leaving in between',
        events: [edit(0), away(1), edit(3), away(4), edit(6), away(7), edit(9)],
        now: at(10),
        fires: true,
      },
      { name: 'continuous typing in one place is one visit', events: editsEvery(0, 20, 0.5), now: at(21), fires: false },
      { name: 'three visits are below the threshold', events: [edit(0), away(1), edit(3), away(4), edit(6)], now: at(10), fires: false },
      {
        name: 'visits to different hunks of the same file',
        events: [
          edit(0, 'src/x.ts', 10),
          away(1),
          edit(3, 'src/x.ts', 60),
          away(4),
          edit(6, 'src/x.ts', 120),
          away(7),
          edit(9, 'src/x.ts', 180),
        ],
        now: at(10),
        fires: false,
      },
      {
        name: 'returning after a pause (running tests) counts as a new visit',
        events: [edit(0), edit(5), edit(10), edit(15)],
        now: at(16),
        fires: true,
      },
      {
        name: 'nearby lines count as the same hunk',
        events: [
          edit(0, 'src/x.ts', 10),
          away(1),
          edit(3, 'src/x.ts', 12),
          away(4),
          edit(6, 'src/x.ts', 8),
          away(7),
          edit(9, 'src/x.ts', 11),
        ],
        now: at(10),
        fires: true,
      },
      {
        name: 'visits spread over more than the window',
        events: [edit(0), away(1), edit(15), away(16), edit(30), away(31), edit(45)],
        now: at(46),
        fires: false,
      },
    ];
    for (const c of cases) {
      it(`${c.fires ? 'fires' : 'quiet'}: ${c.name}`, () => {
        assert.equal(detectBackAndForth(c.events, c.now, t()) !== undefined, c.fires);
      });
    }
  });

  describe('ageing branch', () => {
    const now = at(0);
    const branch = (overrides: Partial<BranchState>): BranchState => ({
      branch: 'feature/login',
      base: 'origin/main',
      ahead: 3,
      behind: 0,
      oldestUnmergedAt: now - DAY,
      ...overrides,
    });
    const cases: { name: string; state: BranchState; fires: boolean }[] = [
      { name: 'far behind its base', state: branch({ behind: 80 }), fires: true },
      { name: 'a little behind and fresh', state: branch({ behind: 5 }), fires: false },
      { name: 'ten days old and behind', state: branch({ behind: 2, oldestUnmergedAt: now - 10 * DAY }), fires: true },
      { name: 'ten days old but up to date with its base', state: branch({ behind: 0, oldestUnmergedAt: now - 10 * DAY }), fires: false },
      { name: 'old, behind, but nothing unmerged', state: branch({ ahead: 0, behind: 3, oldestUnmergedAt: now - 10 * DAY }), fires: false },
      { name: 'main itself behind origin/main', state: branch({ branch: 'main', behind: 200 }), fires: false },
      { name: 'detached HEAD', state: branch({ branch: undefined, behind: 200 }), fires: false },
      { name: 'no base known', state: branch({ base: undefined, behind: 200 }), fires: false },
    ];
    for (const c of cases) {
      it(`${c.fires ? 'fires' : 'quiet'}: ${c.name}`, () => {
        assert.equal(detectAgeingBranch(c.state, now, t()) !== undefined, c.fires);
      });
    }
  });

  describe('single-author file', () => {
    const owner = (email: string, commits: number): FileOwner => ({
      email,
      name: email.split('@')[0],
      commits,
      files: 1,
      linesChanged: commits * 10,
      lastChangedAt: T0,
      weight: 1,
    });
    const cases: { name: string; owners: FileOwner[]; fires: boolean }[] = [
      { name: 'one author with many commits', owners: [owner('ana@example.com', 12)], fires: true },
      { name: 'one author with a single commit (new file)', owners: [owner('ana@example.com', 1)], fires: false },
      { name: 'two authors', owners: [owner('ana@example.com', 12), owner('bo@example.com', 1)], fires: false },
      { name: 'no history', owners: [], fires: false },
      { name: 'the user is the only author', owners: [owner('me@example.com', 5)], fires: true },
    ];
    for (const c of cases) {
      it(`${c.fires ? 'fires' : 'quiet'}: ${c.name}`, () => {
        assert.equal(detectSingleAuthor('src/x.ts', c.owners, 'me@example.com', T0, t()) !== undefined, c.fires);
      });
    }
    it('speaks to the user as the one who knows when they are the author', () => {
      const signal = detectSingleAuthor('src/x.ts', [owner('ME@example.com', 5)], 'me@example.com', T0, t());
      assert.match(signal?.summary ?? '', /^Only you have changed src\/x\.ts/);
    });
  });
});
