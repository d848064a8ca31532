import { createServer } from 'node:net';

/** Resolves `preferred` when it is free on 127.0.0.1, otherwise a free port the OS picks. */
export function freePort(preferred = 0) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(freePort(0)));
    probe.listen(preferred, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
