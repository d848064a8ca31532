/**
 * Trailing debounce per key, with a ceiling. A `git checkout` fires dozens of state events in a
 * burst; we want one snapshot after the burst settles (`delayMs` of quiet), yet a never-ending
 * stream of events must still produce an update every `maxWaitMs`. The clock is injected so tests
 * run on fake time. Pure.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => performance.now(), // elapsed time only
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class KeyedDebouncer<K> {
  private readonly pending = new Map<K, { handle: unknown; firstAt: number }>();

  constructor(
    private readonly fire: (key: K) => void,
    private readonly delayMs: number,
    private readonly maxWaitMs = Infinity,
    private readonly clock: Clock = systemClock,
  ) {}

  trigger(key: K): void {
    const now = this.clock.now();
    const existing = this.pending.get(key);
    if (existing) this.clock.clearTimeout(existing.handle);
    const firstAt = existing?.firstAt ?? now;
    const wait = Math.max(0, Math.min(this.delayMs, firstAt + this.maxWaitMs - now));
    const handle = this.clock.setTimeout(() => {
      this.pending.delete(key);
      this.fire(key);
    }, wait);
    this.pending.set(key, { handle, firstAt });
  }

  /** Drops a pending call (e.g. the repository was closed). */
  cancel(key: K): void {
    const existing = this.pending.get(key);
    if (existing) this.clock.clearTimeout(existing.handle);
    this.pending.delete(key);
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }
}
