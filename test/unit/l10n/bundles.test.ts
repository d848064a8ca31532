import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

// The extension is several esbuild bundles, each with its own copy of every module it imports.
// Two bundles built the way esbuild.mjs builds them (tsconfig `paths` sends '@vscode/l10n' to
// src/core/l10n.ts): one configures the translations, as extension.js does at activation; the
// other, like a bundle required on first use, must see them.
const ROOT = join(__dirname, '..', '..', '..');

describe('translations across esbuild bundles', function () {
  this.timeout(60_000);
  const out = mkdtempSync(join(tmpdir(), 'multiplier-l10n-bundles-'));
  after(() => rmSync(out, { recursive: true, force: true }));

  const bundle = async (entry: string, name: string): Promise<string> => {
    const outfile = join(out, `${name}.js`);
    await esbuild.build({ entryPoints: [join(ROOT, entry)], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
    return outfile;
  };

  it('a string made in a lazily loaded bundle uses the table another bundle configured', async () => {
    const extension = await bundle('src/core/l10n.ts', 'extension');
    const lazy = await bundle('src/review/view/groupText.ts', 'lazy');
    // Each holds its own copy of the translator, not the npm package.
    assert.match(readFileSync(lazy, 'utf8'), /Symbol\.for\("multiplier\.l10n\.contents"\)/);
    const config = (require(extension) as typeof import('@vscode/l10n')).config;
    const { GROUP_TEXT } = require(lazy) as typeof import('../../../src/review/view/groupText');
    try {
      assert.equal(GROUP_TEXT.waiting.label, 'Waiting on you');
      config({ contents: { 'Waiting on you': 'Wartet auf dich' } });
      assert.equal(GROUP_TEXT.waiting.label, 'Wartet auf dich');
    } finally {
      config({ contents: undefined });
    }
  });
});
