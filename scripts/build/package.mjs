// Packages the extension as a .vsix with vsce.
//   node scripts/build/package.mjs               → dist/multiplier.vsix, the production build
//   node scripts/build/package.mjs --test-seams  → dist/multiplier-test.vsix, what the integration
//                                                  harness installs (activate() returns the test API)
// The test build is staged in .build/test-seams/ so the production dist/extension.js is never overwritten.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const testSeams = process.argv.includes('--test-seams');
const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const run = (command, args, cwd = ROOT) => execFileSync(command, args, { cwd, stdio: 'inherit' });

if (!testSeams) {
  run(process.execPath, ['esbuild.mjs']);
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', 'dist/multiplier.vsix']);
} else {
  const stage = join(ROOT, '.build', 'test-seams');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const file of ['package.json', 'package.nls.json', 'l10n', 'README.md', 'LICENSE', '.vscodeignore', 'media']) {
    cpSync(join(ROOT, file), join(stage, file), { recursive: true });
  }
  run(process.execPath, ['esbuild.mjs', '--test-seams', '--outfile', join(stage, 'dist', 'extension.js')]);
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  run(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', join(ROOT, 'dist', 'multiplier-test.vsix')],
    stage,
  );
}
