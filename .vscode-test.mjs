// For people with a desktop VS Code: `npx vscode-test` runs the same suites through
// @vscode/test-cli (it downloads VS Code, so it needs the internet). Build the suites first with
// `npm run package && node esbuild.mjs --tests`. The offline harness (npm test) is the reference.
import { defineConfig } from '@vscode/test-cli';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestRepository } from './scripts/host/git-fixture.mjs';

const workspace = createTestRepository(join(mkdtempSync(join(tmpdir(), 'multiplier-vscode-test-')), 'workspace'));

export default defineConfig({
  label: 'integration',
  files: ['dist/test/suites/**/*.test.js', '!dist/test/suites/**/*.reload.test.js', '!dist/test/suites/**/*.untrusted.test.js'],
  workspaceFolder: workspace,
  mocha: { ui: 'bdd', timeout: 30_000 },
});
