import * as assert from 'node:assert/strict';
import { NUDGE_STATE_KEY, NudgeScheduler } from '../../../src/nudge/policy/scheduler';
import { berlin, HOUR, openSettings, request, settings } from './fixtures';
import { MemoryStorage } from './memory-storage';

function setup(start = berlin('2025-01-15T10:00'), storage = new MemoryStorage(), s = openSettings()) {
  let now = start;
  const warnings: string[] = [];
  const scheduler = new NudgeScheduler({ clock: () => now, storage, settings: () => s, warn: (m) => warnings.push(m) });
  return { scheduler, storage, warnings, advance: (ms: number) => (now += ms), now: () => now };
}

describe('NudgeScheduler', () => {
  it('records a toast so the next one waits', () => {
    const { scheduler } = setup(berlin('2025-01-15T10:00'), new MemoryStorage(), openSettings({ minMinutesBetweenToasts: 60 }));
    assert.equal(scheduler.notify(request()).channel, 'toast');
    assert.equal(scheduler.decide(request()).channel, 'view');
    assert.equal(scheduler.state.toastLog.length, 1);
  });

  it('decide() alone records nothing', () => {
    const { scheduler, storage } = setup();
    scheduler.decide(request());
    scheduler.decide(request());
    assert.equal(storage.writes, 0);
  });

  it('persists never, snooze and focus across instances sharing storage', () => {
    const first = setup();
    first.scheduler.never('coach.stuck');
    first.scheduler.snooze({ id: 'pr-7' }, first.now() + HOUR);
    first.scheduler.startFocus(first.now() + 2 * HOUR);
    const second = setup(first.now(), first.storage);
    assert.deepEqual(second.scheduler.decide(request()), { channel: 'suppressed', reason: 'muted kind' });
    assert.equal(second.scheduler.decide(request({ kind: 'review.reminder', id: 'pr-7' })).channel, 'suppressed');
    assert.equal(second.scheduler.isFocusActive(), true);
    assert.equal(second.scheduler.quietReason(), 'focus block until 12:00');
  });

  it('sees a change another window wrote to shared storage', () => {
    const a = setup();
    const b = setup(a.now(), a.storage);
    assert.equal(b.scheduler.decide(request()).channel, 'toast');
    a.scheduler.never('coach.stuck');
    assert.equal(b.scheduler.decide(request()).channel, 'suppressed');
  });

  it('re-reads when a storage that hands out references gets a new value', () => {
    const values = new Map<string, unknown>();
    const storage = { get: (k: string) => values.get(k), set: (k: string, v: unknown) => void values.set(k, v) };
    const reader = new NudgeScheduler({ clock: () => berlin('2025-01-15T10:00'), storage, settings: () => openSettings() });
    const writer = new NudgeScheduler({ clock: () => berlin('2025-01-15T10:00'), storage, settings: () => openSettings() });
    writer.never('x');
    assert.equal(reader.decide(request({ kind: 'x' })).channel, 'suppressed');
    assert.equal(reader.decide(request({ kind: 'y' })).channel, 'toast');
    writer.never('y');
    assert.equal(reader.decide(request({ kind: 'y' })).channel, 'suppressed');
    writer.unmute();
    assert.equal(reader.decide(request({ kind: 'x' })).channel, 'toast');
  });

  it('resets a corrupt stored value to empty and warns once', () => {
    const storage = new MemoryStorage();
    storage.set(NUDGE_STATE_KEY, { neverKinds: 'everything' });
    const { scheduler, warnings } = setup(undefined, storage);
    assert.equal(scheduler.decide(request()).channel, 'toast');
    scheduler.decide(request());
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /unreadable.*reset to empty/);
    assert.deepEqual(storage.get(NUDGE_STATE_KEY), { snoozedKinds: {}, snoozedIds: {}, neverKinds: [], toastLog: [] });
  });

  it('warns, and keeps working, when saving fails asynchronously', async () => {
    const warnings: string[] = [];
    const scheduler = new NudgeScheduler({
      clock: () => 0,
      storage: { get: () => undefined, set: () => Promise.reject(new Error('disk full')) },
      settings: () => openSettings(),
      warn: (m) => warnings.push(m),
    });
    scheduler.never('a');
    await scheduler.flushed();
    assert.deepEqual(warnings, ['could not save nudge state: Error: disk full']);
  });

  it('flushed() waits for every pending write', async () => {
    const done: number[] = [];
    let n = 0;
    const scheduler = new NudgeScheduler({
      clock: () => 0,
      storage: {
        get: () => undefined,
        set: () => {
          const i = ++n;
          return new Promise<void>((r) =>
            setTimeout(
              () => {
                done.push(i);
                r();
              },
              20 - i * 5,
            ),
          );
        },
      },
      settings: () => openSettings(),
    });
    scheduler.never('a');
    scheduler.never('b');
    await scheduler.flushed();
    assert.deepEqual(done.sort(), [1, 2]);
  });

  it('fires onDidChange on every state change and on settings change', () => {
    const { scheduler, now } = setup();
    let fired = 0;
    const subscription = scheduler.onDidChange(() => fired++);
    scheduler.never('a');
    scheduler.unmute('a');
    scheduler.snooze({ kind: 'b' }, now() + HOUR);
    scheduler.startFocus(now() + HOUR);
    scheduler.stopFocus();
    scheduler.notify(request());
    scheduler.settingsChanged();
    assert.equal(fired, 7);
    subscription.dispose();
    scheduler.never('c');
    assert.equal(fired, 7, 'a disposed listener hears nothing');
  });

  it('a toast-less notify does not fire', () => {
    const { scheduler } = setup();
    let fired = 0;
    scheduler.onDidChange(() => fired++);
    scheduler.notify(request({ wantsToast: false }));
    assert.equal(fired, 0);
  });

  it('ends focus by the clock', () => {
    const { scheduler, advance, now } = setup();
    scheduler.startFocus(now() + HOUR);
    assert.equal(scheduler.focusUntil(), now() + HOUR);
    advance(HOUR);
    assert.equal(scheduler.isFocusActive(), false);
    assert.equal(scheduler.focusUntil(), undefined);
  });

  it('names quiet hours, or nothing, as the reason to keep quiet', () => {
    const evening = setup(berlin('2025-01-15T19:00'), new MemoryStorage(), settings());
    assert.equal(evening.scheduler.quietReason(), 'quiet hours');
    const noon = setup(berlin('2025-01-15T12:00'), new MemoryStorage(), settings());
    assert.equal(noon.scheduler.quietReason(), undefined);
  });
});
