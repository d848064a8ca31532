/**
 * When the coach looks again: shortly after anything happens (debounced), and every half minute
 * once it is running, because time-based signals (error churn, an ageing branch) change with the
 * clock alone. It starts with the first editor activity or the first look at the view, never at
 * activation.
 */
import type { Clock, Timer } from '../core/clock';
import type { Logger } from '../core/vscode/logger';
import type { CoachViewModel } from './view/protocol';

const EVALUATE_DEBOUNCE_MS = 400;
const TICK_MS = 30_000;

export interface EvaluationLoopDeps {
  clock: Clock;
  log: Logger;
  /** Runs the detectors and the policy once. */
  evaluate(): Promise<CoachViewModel>;
  /** Called once, on the first start: begin watching what only a running coach needs (git snapshots). */
  onStart(): { dispose(): void };
}

export class EvaluationLoop {
  private started = false;
  private debounce: Timer | undefined;
  private tick: Timer | undefined;
  private watching: { dispose(): void } | undefined;

  constructor(private readonly deps: EvaluationLoopDeps) {}

  get isStarted(): boolean {
    return this.started;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.scheduleTick();
    this.watching = this.deps.onStart();
  }

  /** Something changed: start if needed, and evaluate once things settle. */
  poke(): void {
    this.start();
    this.debounce?.dispose();
    this.debounce = this.deps.clock.after(EVALUATE_DEBOUNCE_MS, () => {
      this.debounce = undefined;
      this.deps.evaluate().catch((error: unknown) => this.deps.log.error('Coach evaluation failed', error));
    });
  }

  /** Evaluates now (after an action on a prompt, or when a test asks). */
  evaluate(): Promise<CoachViewModel> {
    this.start();
    return this.deps.evaluate();
  }

  /** Settings or nudge state changed: matters only once the coach is running. */
  refresh(): void {
    if (this.started) this.poke();
  }

  private scheduleTick(): void {
    this.tick = this.deps.clock.after(TICK_MS, () => {
      this.scheduleTick();
      this.deps.evaluate().catch((error: unknown) => this.deps.log.error('Coach evaluation failed', error));
    });
  }

  dispose(): void {
    this.debounce?.dispose();
    this.tick?.dispose();
    this.watching?.dispose();
  }
}
