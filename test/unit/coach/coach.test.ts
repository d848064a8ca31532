import * as assert from 'node:assert/strict';
import type { NudgeChannel, NudgeRequest } from '../../../src/nudge/api';
import { CoachController, type CoachDeps } from '../../../src/coach/controller';
import type { Prompt } from '../../../src/coach/model/prompts/library';
import { EMPTY_ROTATION, type RotationState } from '../../../src/coach/model/prompts/rotation';
import { DEFAULT_THRESHOLDS, MINUTE, type Signal } from '../../../src/coach/model/signals/types';

const T0 = Date.UTC(2025, 4, 12, 9);

function makeCoach(overrides: Partial<CoachDeps> = {}): {
  coach: CoachController;
  clock: { now: number };
  never: Set<string>;
  toasts: NudgeRequest[];
  rotation: { state: RotationState };
  channel: { value: NudgeChannel };
} {
  const clock = { now: T0 };
  const never = new Set<string>();
  const toasts: NudgeRequest[] = [];
  const rotation = { state: EMPTY_ROTATION };
  const channel = { value: 'view' as NudgeChannel };
  const prompts: Prompt[] = [
    { id: 'a', signal: 'repeated-failure', role: 'stuck', text: 'What did you expect?', source: 'shipped' },
    { id: 'b', signal: '*', role: 'stuck', text: 'What have you tried so far?', source: 'shipped' },
  ];
  const coach = new CoachController({
    now: () => clock.now,
    thresholds: () => ({ ...DEFAULT_THRESHOLDS, repeatedFailures: 2 }),
    library: () => prompts,
    problems: () => [],
    wantsToast: () => false,
    decide: (req) => ({ channel: never.has(req.kind) ? 'suppressed' : channel.value, reason: '' }),
    toast: (req) => void toasts.push(req),
    quietReason: () => undefined,
    mutedKinds: () => [...never],
    loadRotation: () => rotation.state,
    saveRotation: (state) => void (rotation.state = state),
    peopleFor: async () => [{ name: 'Ana', email: 'ana@example.com', reason: 'changed 40% of src' }],
    ...overrides,
  });
  return { coach, clock, never, toasts, rotation, channel };
}

const fail = (coach: CoachController, at: number, task = 'shell: build'): void => coach.record({ kind: 'taskEnd', at, task, exitCode: 1 });

describe('coach: policy over signals', () => {
  it('shows nothing without signals', async () => {
    const { coach } = makeCoach();
    assert.deepEqual(await coach.evaluate(), {
      current: undefined,
      waiting: 0,
      quietReason: undefined,
      problems: [],
      muted: [],
      feedback: undefined,
      unseenTerminals: 0,
    });
  });

  it('raises a prompt with its reason and people when a task fails twice', async () => {
    const { coach, clock } = makeCoach();
    fail(coach, T0);
    assert.equal((await coach.evaluate()).current, undefined);
    clock.now += MINUTE;
    fail(coach, clock.now);
    const model = await coach.evaluate();
    assert.equal(model.current?.question, 'What did you expect?');
    assert.equal(model.current?.why, '"shell: build" has failed 2 times in a row (last exit code 1).');
    assert.equal(model.current?.nudgeKind, 'coach.repeated-failure');
    assert.equal(model.current?.people[0].name, 'Ana');
  });

  it('keeps the same question for one occurrence and rotates for the next', async () => {
    const { coach, clock } = makeCoach();
    fail(coach, T0);
    fail(coach, T0 + 1);
    const first = (await coach.evaluate()).current?.question;
    assert.equal((await coach.evaluate()).current?.question, first);
    coach.record({ kind: 'taskEnd', at: T0 + 2, task: 'shell: build', exitCode: 0 });
    assert.equal((await coach.evaluate()).current, undefined);
    clock.now += 10 * MINUTE;
    fail(coach, clock.now);
    fail(coach, clock.now + 1);
    const second = (await coach.evaluate()).current?.question;
    assert.ok(second && second !== first, `${second} should differ from ${first}`);
  });

  it('"never for this kind" (via the scheduler) hides it; dismiss hides one occurrence', async () => {
    const { coach, never } = makeCoach();
    fail(coach, T0);
    fail(coach, T0 + 1);
    const key = (await coach.evaluate()).current?.key;
    assert.ok(key);
    coach.dismiss(key);
    assert.equal((await coach.evaluate()).current, undefined);
    coach.setExternal('test', {
      kind: 'ageing-branch',
      key: 'ageing-branch:x',
      at: T0,
      files: [],
      summary: 'x is 90 commits behind origin/main.',
    });
    assert.equal((await coach.evaluate()).current?.signalKind, 'ageing-branch');
    never.add('coach.ageing-branch');
    assert.equal((await coach.evaluate()).current, undefined);
  });

  it('toasts once per occurrence when the scheduler says toast, and counts the waiting prompts', async () => {
    const { coach, channel, toasts } = makeCoach();
    channel.value = 'toast';
    const signal = (n: number): Signal => ({
      kind: 'single-author',
      key: `single-author:f${n}`,
      at: T0 + n,
      files: [`f${n}`],
      summary: `Only Ana has changed f${n}.`,
    });
    coach.setExternal('one', signal(1));
    coach.setExternal('two', signal(2));
    const model = await coach.evaluate();
    await coach.evaluate();
    assert.equal(toasts.length, 2);
    assert.equal(model.current?.key, 'single-author:f2');
    assert.equal(model.waiting, 1);
  });

  it('still shows the question when finding people fails, and says why no one is suggested', async () => {
    const { coach } = makeCoach({ peopleFor: () => Promise.reject(new Error('git died')) });
    coach.setExternal('x', { kind: 'error-churn', key: 'e', at: T0, files: ['a.ts'], summary: 's' });
    const model = await coach.evaluate();
    assert.deepEqual(model.current?.people, []);
    assert.equal(model.current?.peopleProblem, 'git died');
    assert.equal(model.current?.question, 'What have you tried so far?');
  });

  it('looks people up again while git was not ready, at most three times', async () => {
    let calls = 0;
    const { coach } = makeCoach({ peopleFor: async () => (++calls >= 2 ? [{ name: 'Bo', email: 'bo@example.com', reason: 'r' }] : []) });
    coach.setExternal('x', { kind: 'error-churn', key: 'e', at: T0, files: ['a.ts'], summary: 's' });
    assert.deepEqual((await coach.evaluate()).current?.people, []);
    assert.equal((await coach.evaluate()).current?.people[0]?.name, 'Bo');
    await coach.evaluate();
    assert.equal(calls, 2);
  });

  it('fires onDidChange only when the model changes', async () => {
    const { coach } = makeCoach();
    let fired = 0;
    coach.onDidChange(() => fired++);
    await coach.evaluate();
    await coach.evaluate();
    coach.setExternal('x', { kind: 'error-churn', key: 'e', at: T0, files: [], summary: 's' });
    await coach.evaluate();
    assert.equal(fired, 1);
  });
});

describe('coach: feedback for every action', () => {
  it('keeps the confirmation and its Undo until used, replaced or five minutes old', async () => {
    const { coach, clock } = makeCoach();
    let undone = 0;
    coach.giveFeedback('Snoozed until 10:00.', () => undone++);
    const shown = (await coach.evaluate()).feedback;
    assert.deepEqual(shown, { id: shown!.id, text: 'Snoozed until 10:00.', canUndo: true });
    coach.giveFeedback('Saved as a growth note.');
    assert.equal(coach.undo(shown!.id), false, 'an older Undo never undoes a later action');
    assert.equal(undone, 0);
    coach.giveFeedback('No more prompts about repeated failures.', () => undone++);
    const muted = (await coach.evaluate()).feedback!;
    assert.equal(coach.undo(muted.id), true);
    assert.equal(undone, 1);
    assert.equal((await coach.evaluate()).feedback, undefined);
    coach.giveFeedback('Dismissed.', () => undone++);
    clock.now += 6 * MINUTE;
    assert.equal((await coach.evaluate()).feedback, undefined, 'gone after five minutes');
  });

  it('lists the muted coach kinds with their labels, not other capabilities’ kinds', async () => {
    const { coach, never } = makeCoach();
    never.add('coach.repeated-failure');
    never.add('review.reminder');
    assert.deepEqual((await coach.evaluate()).muted, [{ kind: 'coach.repeated-failure', label: 'Repeated failures' }]);
  });

  it('brings a dismissed occurrence back on undo', async () => {
    const { coach } = makeCoach();
    fail(coach, T0);
    fail(coach, T0 + 1);
    const key = (await coach.evaluate()).current!.key;
    coach.dismiss(key);
    assert.equal((await coach.evaluate()).current, undefined);
    coach.undismiss(key);
    assert.equal((await coach.evaluate()).current?.key, key);
  });

  it('tells the scheduler what the kind is about, for its own feedback', async () => {
    const { coach, channel, toasts } = makeCoach();
    channel.value = 'toast';
    fail(coach, T0);
    fail(coach, T0 + 1);
    await coach.evaluate();
    assert.equal(toasts[0]?.kindLabel, 'repeated failures');
  });
});

describe('coach: which prompt is on top', () => {
  it('puts the newest occurrence first, even when an older signal’s time moves with the clock', async () => {
    const { coach, clock } = makeCoach();
    const ageing = (): Signal => ({ kind: 'ageing-branch', key: 'ageing-branch:x', at: clock.now, files: [], summary: 'x is 12 behind.' });
    coach.setExternal('branch', ageing());
    assert.equal((await coach.evaluate()).current?.signalKind, 'ageing-branch');
    clock.now += 10 * MINUTE;
    fail(coach, clock.now);
    fail(coach, clock.now + 1);
    clock.now += 10 * MINUTE;
    coach.setExternal('branch', ageing()); // re-detected with a later time at every evaluation
    const model = await coach.evaluate();
    assert.equal(model.current?.signalKind, 'repeated-failure');
    assert.equal(model.waiting, 1);
  });
});
