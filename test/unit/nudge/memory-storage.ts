import type { JsonStoragePort } from '../../../src/nudge/policy/scheduler';

/** A globalState stand-in that stores JSON text, so nothing survives that JSON would not. */
export class MemoryStorage implements JsonStoragePort {
  readonly values = new Map<string, string>();
  writes = 0;

  get(key: string): unknown {
    const text = this.values.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }

  set(key: string, value: unknown): void {
    this.writes++;
    this.values.set(key, JSON.stringify(value));
  }
}
