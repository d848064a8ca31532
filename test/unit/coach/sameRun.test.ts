import * as assert from 'node:assert/strict';
import { SameRunFilter, type RunSource } from '../../../src/coach/model/sameRun';
import type { TaskEndEvent } from '../../../src/coach/model/signals/types';

const end = (at: number, exitCode = 1, task = 'npm test'): TaskEndEvent => ({ kind: 'taskEnd', at, task, exitCode });

/** How many of the reports count as runs. */
function counted(reports: [number, RunSource, number?][]): number {
  const filter = new SameRunFilter(2_000);
  return reports.filter(([at, from, exitCode]) => !filter.isSecondReport(end(at, exitCode), from)).length;
}

describe('coach: one run reported by its task and by the shell', () => {
  it('counts a task run reported by both sources once, whichever comes first', () => {
    assert.equal(
      counted([
        [0, 'task'],
        [40, 'shell'],
      ]),
      1,
    );
    assert.equal(
      counted([
        [0, 'shell'],
        [40, 'task'],
      ]),
      1,
    );
  });

  it('counts three quick runs of one task as three, each reported twice, 1.5 s apart', () => {
    // The bug: a report paired with one run paired with the next run's report too, so three quick
    // failures counted once and the repeated-failure prompt never came on an idle machine.
    const reports: [number, RunSource][] = [
      [0, 'task'],
      [30, 'shell'],
      [1_500, 'task'],
      [1_530, 'shell'],
      [3_000, 'shell'],
      [3_020, 'task'],
    ];
    assert.equal(counted(reports), 3);
  });

  it('counts two quick failures from one source as two', () => {
    assert.equal(
      counted([
        [0, 'task'],
        [500, 'task'],
      ]),
      2,
    );
    assert.equal(
      counted([
        [0, 'shell'],
        [500, 'shell'],
      ]),
      2,
    );
  });

  it('keeps apart reports with another exit code or outside the window', () => {
    assert.equal(
      counted([
        [0, 'task', 1],
        [40, 'shell', 0],
      ]),
      2,
    );
    assert.equal(
      counted([
        [0, 'task'],
        [2_500, 'shell'],
      ]),
      2,
    );
  });
});
