import * as assert from 'node:assert/strict';
import { describeAge, mayRefreshOnTrigger, nextPollDelay, pollIntervalMs } from '../../../src/review/policy/pollPlanner';

const MIN = 60_000;

describe('pollIntervalMs', () => {
  const cases: Array<[unknown, number]> = [
    [5, 5 * MIN],
    [1, MIN],
    [0.2, MIN],
    [-3, MIN],
    ['x', 5 * MIN],
    [undefined, 5 * MIN],
    [30, 30 * MIN],
  ];
  for (const [input, expected] of cases) it(`${String(input)} → ${expected}`, () => assert.equal(pollIntervalMs(input), expected));
});

describe('nextPollDelay', () => {
  const cases: Array<[string, Parameters<typeof nextPollDelay>[0], number]> = [
    ['healthy: the interval', { intervalMs: 5 * MIN, now: 0, consecutiveFailures: 0, blockedUntil: 0 }, 5 * MIN],
    ['first failure: 30 s', { intervalMs: 5 * MIN, now: 0, consecutiveFailures: 1, blockedUntil: 0 }, 30_000],
    ['third failure: 2 min', { intervalMs: 5 * MIN, now: 0, consecutiveFailures: 3, blockedUntil: 0 }, 120_000],
    ['many failures: capped at the interval', { intervalMs: 5 * MIN, now: 0, consecutiveFailures: 9, blockedUntil: 0 }, 5 * MIN],
    ['Retry-After 120 s: exactly 120 s', { intervalMs: MIN, now: 1000, consecutiveFailures: 1, blockedUntil: 121_000 }, 120_000],
    ['rate limit past: back to normal', { intervalMs: MIN, now: 200_000, consecutiveFailures: 0, blockedUntil: 121_000 }, MIN],
  ];
  for (const [name, state, expected] of cases) it(name, () => assert.equal(nextPollDelay(state), expected));
});

describe('mayRefreshOnTrigger', () => {
  const cases: Array<[string, number, number | undefined, number, boolean]> = [
    ['never polled', 0, undefined, 0, true],
    ['polled 30 s ago', 100_000, 70_000, 0, false],
    ['polled a minute ago', 130_000, 70_000, 0, true],
    ['rate limited', 130_000, undefined, 200_000, false],
  ];
  for (const [name, now, last, blocked, expected] of cases) it(name, () => assert.equal(mayRefreshOnTrigger(now, last, blocked), expected));
});

describe('describeAge', () => {
  const cases: Array<[number, string]> = [
    [10_000, 'just now'],
    [12 * MIN, '12 min ago'],
    [125 * MIN, '2 h ago'],
    [72 * 60 * MIN, '3 days ago'],
  ];
  for (const [ms, text] of cases) it(text, () => assert.equal(describeAge(ms), text));
});
