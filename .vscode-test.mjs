// For people with a desktop VS Code: `npx vscode-test` runs the same suites through
// @vscode/test-cli (it downloads VS Code, so it needs the internet). Build the extension with its
// test seam and the suites first: `node esbuild.mjs --test-seams && node esbuild.mjs --tests` (run
// `npm run build` afterwards to get the production bundle back). The offline harness (npm test) is
// the reference.
import { defineConfig } from '@vscode/test-cli';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestRepository } from './scripts/host/git-fixture.mjs';

const workspace = createTestRepository(join(mkdtempSync(join(tmpdir(), 'multiplier-vscode-test-')), 'workspace'));

// Only the main phase: reload, untrusted and demo suites need the offline harness's sessions.
const suites = 'dist/test/suites';
const mainPhase = existsSync(suites)
  ? readdirSync(suites)
      .filter((f) => f.endsWith('.test.js') && !/\.(reload|untrusted|demo)\.test\.js$/.test(f))
      .map((f) => `${suites}/${f}`)
  : [];

export default defineConfig({
  label: 'integration',
  files: mainPhase,
  workspaceFolder: workspace,
  mocha: { ui: 'bdd', timeout: 30_000 },
});
