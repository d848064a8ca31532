import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { HostInstallError, run } from '../../../scripts/host/ensure-host.mjs';
import { freePort } from '../../../scripts/host/ports.mjs';

describe('editor host harness', () => {
  describe('freePort', () => {
    let busy: Server;
    before((done) => {
      busy = createServer().listen(0, '127.0.0.1', done);
    });
    after((done) => {
      busy.close(done);
    });

    it('keeps a preferred port that is free', async () => {
      const port = await freePort(0);
      assert.equal(await freePort(port), port);
    });

    it('picks another port when the preferred one is in use', async () => {
      const taken = (busy.address() as { port: number }).port;
      const port = await freePort(taken);
      assert.notEqual(port, taken);
      assert.ok(port > 0);
    });
  });

  describe('install steps', () => {
    it('name the failed step and the fix when a command fails', () => {
      assert.throws(
        () => run('npm install something', 'false', [], { timeoutMs: 5_000, fix: 'check the registry' }),
        (error: unknown) =>
          error instanceof HostInstallError &&
          /step failed: npm install something/.test(error.message) &&
          /exit code 1/.test(error.message) &&
          /How to fix: check the registry/.test(error.message),
      );
    });

    it('say so when a step hangs, instead of hanging', () => {
      const started = Date.now();
      assert.throws(
        () => run('apt-get update', 'sleep', ['30'], { timeoutMs: 300, fix: 'check the mirror' }),
        /timed out after 0 s[\s\S]*How to fix: check the mirror/,
      );
      assert.ok(Date.now() - started < 5_000);
    });

    it('say so when the tool itself is missing', () => {
      assert.throws(
        () => run('Chromium', 'definitely-not-a-command-xyz', [], { timeoutMs: 5_000, fix: 'apt-get install -y chromium' }),
        /step failed: Chromium[\s\S]*ENOENT[\s\S]*apt-get install -y chromium/,
      );
    });
  });
});
