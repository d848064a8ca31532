/**
 * A task's run ends twice over: the task reports it, and so does its terminal through shell
 * integration. Each report is paired with at most one report of the other source, so one run counts
 * once and two quick runs of one task still count twice. Pure.
 */
import type { TaskEndEvent } from './signals/types';

export type RunSource = 'task' | 'shell';

export class SameRunFilter {
  private readonly recent: { event: TaskEndEvent; from: RunSource; paired: boolean }[] = [];

  constructor(
    private readonly windowMs: number,
    private readonly remember = 20,
  ) {}

  /** True when `event` is the other half of a run already counted. */
  isSecondReport(event: TaskEndEvent, from: RunSource): boolean {
    const partner = this.recent.find(
      (r) =>
        !r.paired &&
        r.from !== from &&
        r.event.task === event.task &&
        r.event.exitCode === event.exitCode &&
        Math.abs(r.event.at - event.at) < this.windowMs,
    );
    if (partner) partner.paired = true;
    this.recent.push({ event, from, paired: partner !== undefined });
    while (this.recent.length > this.remember) this.recent.shift();
    return partner !== undefined;
  }
}
