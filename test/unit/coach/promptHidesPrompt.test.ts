// Issue 16, "One prompt hides the other": with two failing tasks, run `test` three times and
// answer the prompt, then run `build` three times. The build prompt must come on the third run.
import * as assert from 'node:assert/strict';
import { CoachController } from '../../../src/coach/controller';
import type { Prompt } from '../../../src/coach/model/prompts/library';
import { EMPTY_ROTATION, type RotationState } from '../../../src/coach/model/prompts/rotation';
import { DEFAULT_THRESHOLDS, MINUTE } from '../../../src/coach/model/signals/types';

const T0 = Date.UTC(2025, 4, 12, 9);

function coachAt(clock: { now: number }): CoachController {
  let rotation: RotationState = EMPTY_ROTATION;
  const prompts: Prompt[] = [{ id: 'b', signal: '*', role: 'stuck', text: 'What have you tried so far?', source: 'shipped' }];
  return new CoachController({
    now: () => clock.now,
    thresholds: () => DEFAULT_THRESHOLDS,
    library: () => prompts,
    problems: () => [],
    wantsToast: () => false,
    decide: () => ({ channel: 'view', reason: '' }),
    toast: () => undefined,
    quietReason: () => undefined,
    mutedKinds: () => [],
    loadRotation: () => rotation,
    saveRotation: (state) => void (rotation = state),
    peopleFor: async () => [],
  });
}

describe('coach: one prompt never hides another', () => {
  it('raises the build prompt on the third build failure after the test prompt was answered', async () => {
    const clock = { now: T0 };
    const coach = coachAt(clock);
    const run = (task: string): void => {
      clock.now += MINUTE;
      coach.record({ kind: 'taskEnd', at: clock.now, task, exitCode: 1 });
    };
    for (let i = 0; i < 3; i++) run('shell: test');
    const testPrompt = (await coach.evaluate()).current;
    assert.match(testPrompt?.why ?? '', /^"shell: test" has failed 3 times/);
    coach.dismiss(testPrompt!.key); // answered in a growth note

    run('shell: build');
    run('shell: build');
    assert.equal((await coach.evaluate()).current, undefined, 'two build failures are not yet a pattern');
    run('shell: build');
    const model = await coach.evaluate();
    assert.match(model.current?.why ?? '', /^"shell: build" has failed 3 times in a row/);
  });

  it('shows both streaks when neither was answered: the newest first, the other waiting', async () => {
    const clock = { now: T0 };
    const coach = coachAt(clock);
    for (const task of ['shell: test', 'shell: test', 'shell: test', 'shell: build', 'shell: build', 'shell: build']) {
      clock.now += MINUTE;
      coach.record({ kind: 'taskEnd', at: clock.now, task, exitCode: 1 });
    }
    const model = await coach.evaluate();
    assert.match(model.current?.why ?? '', /^"shell: build"/);
    assert.equal(model.waiting, 1);
  });
});
