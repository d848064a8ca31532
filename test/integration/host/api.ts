import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MultiplierTestApi } from '../../../src/testApi';

export const EXTENSION_ID = 'multiplier-dev.multiplier';

/**
 * The extension's test API: what `activate()` returns in the harness build (the only seam; see
 * ARCHITECTURE.md). Activates the extension when it has not started yet.
 */
export async function multiplier(): Promise<MultiplierTestApi> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const api = (await extension.activate()) as MultiplierTestApi | undefined;
  assert.ok(api, 'the harness build returns its test API from activate()');
  return api;
}
