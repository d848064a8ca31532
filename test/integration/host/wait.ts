/** Polling helpers for suites that wait on the real editor, which updates asynchronously. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Probes until `ok` holds; on timeout fails with `what` and the last value seen. */
export async function waitFor<T>(
  probe: () => Thenable<T> | Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)?.slice(0, 600)}`);
    await sleep(150);
  }
}
