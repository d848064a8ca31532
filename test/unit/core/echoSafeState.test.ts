import * as assert from 'node:assert/strict';
import { ECHO_WINDOW_MS, EchoSafeState, type StateStore } from '../../../src/core/echoSafeState';

/**
 * Global state as VS Code 1.139's extension host keeps it: a write sets memory at once and the
 * whole memory is stored on the next flush; every stored state comes back later as an echo that
 * replaces memory. Here flushes and echoes happen when the test says, so each order can be staged.
 */
class EchoingState implements StateStore {
  memory: Record<string, unknown> = {};
  disk: Record<string, unknown> = {};
  private readonly echoes: string[] = [];
  private pending: (() => void)[] = [];

  get<T>(key: string): T | undefined {
    return this.memory[key] as T | undefined;
  }

  update(key: string, value: unknown): Promise<void> {
    this.memory[key] = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
    return new Promise((resolve) =>
      this.pending.push(() => {
        this.disk = JSON.parse(JSON.stringify(this.memory));
        this.echoes.push(JSON.stringify(this.disk));
        resolve();
      }),
    );
  }

  /** The next tick: everything set so far is stored. */
  async flush(): Promise<void> {
    const writes = this.pending;
    this.pending = [];
    for (const write of writes) write();
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** The oldest echo not yet delivered arrives and replaces memory. */
  echo(): void {
    this.memory = JSON.parse(this.echoes.shift()!);
  }

  /** Another window wrote: the stored state, theirs, arrives as memory. */
  otherWindowWrites(key: string, value: unknown): void {
    this.disk = { ...this.disk, [key]: value };
    this.memory = JSON.parse(JSON.stringify(this.disk));
  }
}

describe('global state that keeps what this window wrote (VS Code echoes stored state back)', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = Date.UTC(2026, 11, 2, 9)));

  /** Writes `a`, then `b` while the echo of `a`'s write is still on its way; it lands before `b` is stored. */
  async function echoOfAArrivesAfterB(state: StateStore, raw: EchoingState): Promise<void> {
    const a = state.update('a', 1);
    await raw.flush();
    await a;
    const b = state.update('b', { mutedKinds: ['coach.stuck'] });
    raw.echo(); // the echo of the state stored with `a` alone
    await raw.flush();
    await b;
  }

  it('without it, the stale echo loses the later write for good (what VS Code does)', async () => {
    const raw = new EchoingState();
    await echoOfAArrivesAfterB(raw, raw);
    assert.equal(raw.get('b'), undefined);
    assert.deepEqual(raw.disk, { a: 1 }, 'stored without b');
  });

  it('with it, the later write is read back at once and stored again', async () => {
    const raw = new EchoingState();
    const state = new EchoSafeState(raw, clock);
    await echoOfAArrivesAfterB(state, raw);
    await raw.flush(); // the repair write, made when b's own write was found stored without b
    assert.deepEqual(raw.disk, { a: 1, b: { mutedKinds: ['coach.stuck'] } });
    assert.deepEqual(state.get('b'), { mutedKinds: ['coach.stuck'] });
  });

  it('a write of another key stored while memory was stale is repaired too', async () => {
    const raw = new EchoingState();
    const state = new EchoSafeState(raw, clock);
    const b = state.update('b', 'snoozed');
    await raw.flush();
    await b; // echo E1 {b} pending
    const c = state.update('c', 'x');
    raw.echo(); // E1: {b}; fine so far
    await raw.flush();
    await c; // echo E2 {b, c} pending
    const b2 = state.update('b', 'snoozed again');
    raw.echo(); // E2 carries b's older value: memory now has the older b
    const d = state.update('d', 'y'); // stores memory as it is: the older b
    await raw.flush();
    await Promise.all([b2, d]);
    await raw.flush(); // the repair, made when d's write was found to have stored the older b
    assert.equal(raw.disk.b, 'snoozed again');
    assert.equal(raw.disk.d, 'y');
    assert.equal(state.get('b'), 'snoozed again');
  });

  it('a key set back to an earlier value keeps it when the echo of the one between arrives late', async () => {
    const raw = new EchoingState();
    const state = new EchoSafeState(raw, clock);
    for (const value of ['off', 'on']) {
      const write = state.update('mute', value);
      await raw.flush();
      await write;
    }
    raw.echo(); // 'off'
    const back = state.update('mute', 'off');
    raw.echo(); // 'on', stale
    assert.equal(state.get('mute'), 'off');
    await raw.flush();
    await back;
    assert.equal(raw.disk.mute, 'off');
  });

  it("another window's value wins, even one this window held before, once the echoes are due", async () => {
    const raw = new EchoingState();
    const state = new EchoSafeState(raw, clock);
    const write = state.update('snoozes', { '#12': 5 });
    await raw.flush();
    await write;
    raw.echo();
    raw.otherWindowWrites('snoozes', { '#12': 5, '#13': 9 });
    assert.deepEqual(state.get('snoozes'), { '#12': 5, '#13': 9 }, 'a value this window never held');
    now += ECHO_WINDOW_MS + 1;
    raw.otherWindowWrites('snoozes', undefined);
    assert.equal(state.get('snoozes'), undefined, 'the value before our write, set again by the other window later');
  });

  it('within the echo window, a value this window held before reads as a stale echo (the trade-off)', async () => {
    const raw = new EchoingState();
    const state = new EchoSafeState(raw, clock);
    const write = state.update('snoozes', { '#12': 5 });
    await raw.flush();
    await write;
    now += ECHO_WINDOW_MS - 1;
    raw.otherWindowWrites('snoozes', undefined);
    assert.deepEqual(state.get('snoozes'), { '#12': 5 });
  });

  it('many stale reads before the repair is stored write it once', async () => {
    const raw = new EchoingState();
    const state = new EchoSafeState(raw, clock);
    const write = state.update('k', { n: 1 });
    await raw.flush();
    await write;
    let writes = 0;
    const update = raw.update.bind(raw);
    raw.update = (key, value) => (writes++, update(key, value));
    raw.memory = {}; // a stale echo of the state before the write
    for (let i = 0; i < 5; i++) assert.deepEqual(state.get('k'), { n: 1 });
    assert.equal(writes, 1);
    await raw.flush();
    assert.deepEqual(raw.disk, { k: { n: 1 } });
  });
});
