/**
 * The one clock. Every capability asks it for "now" and arms its policy timers through it, so a
 * test can put the whole extension at an instant (midnight, Monday 09:00, a daylight-saving day)
 * and every view, nudge and wait agrees. Pure: no `vscode` import.
 */
import { Emitter, type Event } from './event';

export interface Timer {
  dispose(): void;
}

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /**
   * Calls `callback` once the clock reaches `at` (epoch ms). A timer re-arms itself when the
   * clock is set to another instant, so "at 18:30" still means 18:30 after a jump.
   */
  at(at: number, callback: () => void): Timer;
  /** Calls `callback` after `ms` of elapsed time (debounces, retries): not moved by a jump. */
  after(ms: number, callback: () => void): Timer;
  /** Fires after the clock was set to another instant (tests only; a real clock never jumps). */
  readonly onDidJump: Event<void>;
}

/** Longest single setTimeout; later instants are reached in steps (setTimeout caps at ~24.8 days). */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** The machine's clock. Its instant never jumps; TestClock (core/testClock.ts) adds that for the harness. */
export class SystemClock implements Clock {
  protected offset = 0;
  protected readonly jumped = new Emitter<void>();
  readonly onDidJump = this.jumped.event;

  now(): number {
    return Date.now() + this.offset;
  }

  at(at: number, callback: () => void): Timer {
    let handle: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const finish = (): void => {
      done = true;
      clearTimeout(handle);
      jump.dispose();
    };
    const arm = (): void => {
      clearTimeout(handle);
      // Always asynchronous, even when `at` has passed: callers may still be setting up.
      handle = setTimeout(
        () => {
          if (this.now() < at) return arm(); // a capped step, or the clock was set back
          finish();
          callback();
        },
        Math.min(Math.max(0, at - this.now()), MAX_DELAY_MS),
      );
    };
    const jump = this.onDidJump(() => {
      if (!done) arm();
    });
    arm();
    return { dispose: finish };
  }

  after(ms: number, callback: () => void): Timer {
    const handle = setTimeout(callback, Math.max(0, Math.min(ms, MAX_DELAY_MS)));
    return { dispose: () => clearTimeout(handle) };
  }
}
