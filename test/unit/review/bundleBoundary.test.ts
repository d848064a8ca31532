// The pull request pages and Team Health are bundles of their own (dist/pr-pages.js,
// dist/health.js), each with its own copy of every module it imports. A class from our own code
// then exists twice, and `instanceof` against one copy misses objects made by the other: GitHub's
// errors are the case that bit (an offline error read as "failed"). This reads what esbuild puts
// in each bundle and fails on any `instanceof` of a class of ours in it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const LAZY_BUNDLES = ['src/review/pagesRuntime.ts', 'src/health/runtime.ts'];
/** Classes every bundle shares: the runtime's own, and the editor's (`vscode` is one module for all). */
const SHARED = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'Array',
  'Date',
  'Map',
  'Set',
  'RegExp',
  'Promise',
  'Uint8Array',
  'Buffer',
  'URL',
]);

async function sourcesOf(entry: string): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    mainFields: ['module', 'main'],
    define: { MULTIPLIER_TEST_SEAMS: 'false' },
  });
  return Object.keys(result.metafile.inputs).filter((file) => file.startsWith('src/'));
}

describe('bundles loaded on first use', function () {
  this.timeout(30_000);
  for (const entry of LAZY_BUNDLES) {
    it(`${entry}: no instanceof of a class of ours (each bundle has its own copy)`, async () => {
      const found: string[] = [];
      for (const file of await sourcesOf(entry)) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/\binstanceof\s+([\w.]+)/g)) {
          const name = match[1];
          if (name.startsWith('vscode.') || SHARED.has(name)) continue;
          found.push(`${file}: instanceof ${name}`);
        }
      }
      assert.deepEqual(found, []);
    });
  }
});
