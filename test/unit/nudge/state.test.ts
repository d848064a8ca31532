import * as assert from 'node:assert/strict';
import { emptyNudgeState, parseNudgeState, pruneNudgeState, reduceNudgeState, type NudgeAction } from '../../../src/nudge/policy/state';
import { HOUR, state } from './fixtures';

const NOW = Date.parse('2025-01-15T10:00:00Z');

describe('nudge state reducer', () => {
  const cases: Array<{ name: string; from?: Parameters<typeof state>[0]; action: NudgeAction; expect: ReturnType<typeof state> }> = [
    {
      name: 'snoozes a kind',
      action: { type: 'snooze', target: { kind: 'coach.stuck' }, until: NOW + HOUR },
      expect: state({ snoozedKinds: { 'coach.stuck': NOW + HOUR } }),
    },
    {
      name: 'snoozes an occurrence',
      action: { type: 'snooze', target: { id: 'pr-1' }, until: NOW + HOUR },
      expect: state({ snoozedIds: { 'pr-1': NOW + HOUR } }),
    },
    {
      name: 'a snooze into the past clears it',
      from: { snoozedKinds: { a: NOW + HOUR } },
      action: { type: 'snooze', target: { kind: 'a' }, until: NOW - 1 },
      expect: state(),
    },
    {
      name: 'unsnooze (Undo) ends one occurrence’s snooze and leaves the others',
      from: { snoozedIds: { 'pr-1': NOW + HOUR, 'pr-2': NOW + HOUR } },
      action: { type: 'unsnooze', target: { id: 'pr-1' } },
      expect: state({ snoozedIds: { 'pr-2': NOW + HOUR } }),
    },
    {
      name: 'unsnooze ends a kind’s snooze',
      from: { snoozedKinds: { 'coach.stuck': NOW + HOUR } },
      action: { type: 'unsnooze', target: { kind: 'coach.stuck' } },
      expect: state(),
    },
    {
      name: 'never adds a kind once',
      from: { neverKinds: ['a'] },
      action: { type: 'never', kind: 'a' },
      expect: state({ neverKinds: ['a'] }),
    },
    {
      name: 'unmute removes one kind',
      from: { neverKinds: ['a', 'b'] },
      action: { type: 'unmute', kind: 'a' },
      expect: state({ neverKinds: ['b'] }),
    },
    { name: 'unmute without a kind removes all', from: { neverKinds: ['a', 'b'] }, action: { type: 'unmute' }, expect: state() },
    { name: 'records a toast', action: { type: 'recordToast', at: NOW }, expect: state({ toastLog: [NOW] }) },
    {
      name: 'forgets toasts older than two days',
      from: { toastLog: [NOW - 49 * HOUR, NOW - 47 * HOUR] },
      action: { type: 'recordToast', at: NOW },
      expect: state({ toastLog: [NOW - 47 * HOUR, NOW] }),
    },
    { name: 'starts focus', action: { type: 'startFocus', until: NOW + 2 * HOUR }, expect: state({ focusUntil: NOW + 2 * HOUR }) },
    { name: 'stops focus', from: { focusUntil: NOW + HOUR }, action: { type: 'stopFocus' }, expect: state() },
    {
      name: 'drops expired snoozes and focus on any action',
      from: { snoozedIds: { old: NOW - 1 }, focusUntil: NOW - 1 },
      action: { type: 'never', kind: 'x' },
      expect: state({ neverKinds: ['x'] }),
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const before = state(c.from);
      const frozen = JSON.stringify(before);
      assert.deepEqual(reduceNudgeState(before, c.action, NOW), c.expect);
      assert.equal(JSON.stringify(before), frozen, 'the input state must not change');
    });
  }

  it('bounds the toast log', () => {
    let s = emptyNudgeState();
    for (let i = 0; i < 500; i++) s = reduceNudgeState(s, { type: 'recordToast', at: NOW + i }, NOW + i);
    assert.equal(s.toastLog.length, 200);
    assert.equal(s.toastLog.at(-1), NOW + 499);
  });

  it('prune keeps live entries', () => {
    const live = state({ snoozedKinds: { a: NOW + 1 }, focusUntil: NOW + 1, toastLog: [NOW] });
    assert.deepEqual(pruneNudgeState(live, NOW), live);
  });
});

describe('parseNudgeState', () => {
  it('reads undefined as empty, without a problem', () => {
    assert.deepEqual(parseNudgeState(undefined), { state: emptyNudgeState() });
  });

  it('round-trips a stored state through JSON', () => {
    const s = state({ snoozedKinds: { a: 1 }, snoozedIds: { b: 2 }, neverKinds: ['c'], focusUntil: 3, toastLog: [4] });
    assert.deepEqual(parseNudgeState(JSON.parse(JSON.stringify(s))), { state: s });
  });

  const corrupt: Array<[string, unknown]> = [
    ['a string', 'oops'],
    ['an array', []],
    ['missing tables', { neverKinds: [] }],
    ['a snooze that is not a number', { snoozedKinds: { a: 'soon' }, snoozedIds: {}, neverKinds: [], toastLog: [] }],
    ['a never list with numbers', { snoozedKinds: {}, snoozedIds: {}, neverKinds: [1], toastLog: [] }],
    ['a toast log with null', { snoozedKinds: {}, snoozedIds: {}, neverKinds: [], toastLog: [null] }],
    ['a focus time that is a string', { snoozedKinds: {}, snoozedIds: {}, neverKinds: [], toastLog: [], focusUntil: 'later' }],
  ];
  for (const [name, raw] of corrupt) {
    it(`rejects ${name} whole, with a reason`, () => {
      const parsed = parseNudgeState(raw);
      assert.deepEqual(parsed.state, emptyNudgeState());
      assert.ok(parsed.problem, 'a problem must be reported');
    });
  }
});
