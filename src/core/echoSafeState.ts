/**
 * Extension global state that keeps what this window wrote. VS Code's extension host keeps the
 * state in memory, sets a value at once and sends the whole state to be stored on its next tick;
 * the window's side then sends every stored state back, and that echo replaces the whole memory
 * copy. An echo of an earlier write that arrives after a later one was set takes the later value
 * out of memory, and the next write of any key stores that older state, so the later value is lost
 * for good: a snooze, a "never for this kind", the first-run record (seen in VS Code 1.139).
 *
 * So each value this window wrote is remembered, for a few seconds, with the values the key had
 * before. A read in that time that finds one of those older values is a stale echo: it answers the
 * newest value, and writes it again so that storage has it too. Any other value, or any value after
 * those seconds, is another window's write, and wins: two windows may well set a key back to what
 * it was. Pure: the editor layer passes `context.globalState` and the one clock.
 */

/** As much of vscode.Memento as this needs. */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

interface Written {
  /** The newest value this window wrote, as JSON, and parsed once (so reads return one object). */
  json: string;
  value: unknown;
  /** Values the key had before that write, as this window saw or wrote them. */
  older: Set<string>;
  /** When it was written (the one clock). */
  at: number;
}

/** Older values kept per key: enough for a burst of writes, never growing without end. */
const MAX_OLDER = 16;
/**
 * How long after a write an older value reads as an echo. Echoes come back within milliseconds;
 * a loaded machine gets generous room, and a window that changes the key later still wins.
 */
export const ECHO_WINDOW_MS = 10_000;

const jsonOf = (value: unknown): string => (value === undefined ? 'undefined' : JSON.stringify(value));

export class EchoSafeState implements StateStore {
  private readonly written = new Map<string, Written>();
  private readonly repairing = new Set<string>();

  constructor(
    private readonly store: StateStore,
    private readonly now: () => number,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  get<T>(key: string): T | undefined {
    const stored = this.store.get<T>(key);
    const mine = this.recent(key);
    if (!mine) return stored;
    const json = jsonOf(stored);
    if (json === mine.json) return stored;
    if (mine.older.has(json)) {
      this.repair(key, mine);
      return mine.value as T;
    }
    this.written.delete(key); // another window wrote it after us: its value is the newest
    return stored;
  }

  async update(key: string, value: unknown): Promise<void> {
    const json = jsonOf(value);
    const mine = this.recent(key);
    const older = mine?.older ?? new Set<string>();
    const before = mine ? mine.json : jsonOf(this.store.get(key));
    if (before !== json) older.add(before);
    older.delete(json);
    while (older.size > MAX_OLDER) older.delete(older.values().next().value as string);
    this.written.set(key, { json, value: value === undefined ? undefined : (JSON.parse(json) as unknown), older, at: this.now() });
    await this.store.update(key, value);
    // That write stored the whole state as memory held it: put back any key an echo had taken,
    // this one included (an echo arriving between its set and its flush takes it out).
    for (const other of [...this.written.keys()]) {
      const entry = this.recent(other);
      if (entry) this.checkStored(other, entry);
    }
  }

  /** This window's write of the key, while an echo of an older value may still arrive. */
  private recent(key: string): Written | undefined {
    const mine = this.written.get(key);
    if (mine && this.now() - mine.at > ECHO_WINDOW_MS) this.written.delete(key);
    return this.written.get(key);
  }

  private checkStored(key: string, mine: Written): void {
    const json = jsonOf(this.store.get(key));
    if (json !== mine.json && mine.older.has(json)) this.repair(key, mine);
  }

  /** Writes the newest value again, once at a time per key; a later echo of it settles the memory. */
  private repair(key: string, mine: Written): void {
    if (this.repairing.has(key)) return;
    this.repairing.add(key);
    void Promise.resolve(this.store.update(key, mine.value))
      .then(undefined, (error: unknown) => this.warn(`could not restore ${key} in global state: ${String(error)}`))
      .then(() => this.repairing.delete(key));
  }
}
