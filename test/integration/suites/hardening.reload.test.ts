import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { multiplier } from '../host/api';
import { waitFor } from '../host/wait';
import { clearDiscoveryCheck } from './hardening-discovery';

describe('Hardening after a window reload: the first poll and git discovery', function () {
  this.timeout(60_000);

  after(async () => {
    await clearDiscoveryCheck();
  });

  it("never searches every repository the token can see while git is still finding the workspace's", async () => {
    await vscode.extensions.getExtension('multiplier-dev.multiplier')?.activate();
    const api = await multiplier();
    const scopes = await waitFor(
      async () => (api.review.state() as { scopes: string[] }).scopes,
      (s) => s.some((scope) => scope.startsWith('repositories:')),
      "a poll of the workspace's repository",
      45_000,
    );
    assert.ok(!scopes.includes('search'), `the polls asked for: ${scopes.join(' → ')}`);
    assert.ok(scopes.includes('repositories: acme/app'), scopes.join(' → '));
  });
});
