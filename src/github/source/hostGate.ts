/**
 * One gate per API host: requests run one at a time (GitHub asks integrations not to make
 * concurrent requests), and a rate-limit backoff holds every later request until it ends.
 */
export class HostGate {
  private tail: Promise<unknown> = Promise.resolve();
  /** Epoch ms before which nothing may be sent. */
  blockedUntil = 0;
  blockedReason = '';
  /** Consecutive secondary-limit hits, for exponential backoff. */
  secondaryStrikes = 0;

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

const gates = new Map<string, HostGate>();

/** The process-wide gate of a host, so every client of one host shares queue and backoff. */
export function gateFor(host: string): HostGate {
  let gate = gates.get(host);
  if (!gate) {
    gate = new HostGate();
    gates.set(host, gate);
  }
  return gate;
}
