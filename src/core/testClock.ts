import { SystemClock } from './clock';

/**
 * The clock of a harness build: the machine's time moved to an instant a test chooses. Only
 * extension.ts creates it, behind MULTIPLIER_TEST_SEAMS, so a production build does not contain it.
 */
export class TestClock extends SystemClock {
  /** From now on, `now()` reads `instant` plus the real time elapsed since this call. */
  setNow(instant: number): void {
    this.offset = instant - Date.now();
    this.jumped.fire();
  }

  /** Back to the machine's time. */
  reset(): void {
    this.offset = 0;
    this.jumped.fire();
  }
}
