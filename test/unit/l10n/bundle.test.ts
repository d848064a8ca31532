import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// l10n/bundle.l10n.json is what translators start from: every `vscode.l10n.t('…')` and
// `l10n.t('…')` (from '@vscode/l10n') string of src/, and the shipped Coach prompts. A new string
// without `npm run l10n` fails here, so the committed bundle never falls behind.
const ROOT = join(__dirname, '..', '..', '..');

describe('l10n/bundle.l10n.json', function () {
  this.timeout(120_000); // the exporter parses every source file with tree-sitter

  it('matches what `npm run l10n` exports from src/ now', () => {
    const out = mkdtempSync(join(tmpdir(), 'multiplier-l10n-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'build', 'l10n.mjs'), '--outDir', out], { cwd: ROOT, stdio: 'pipe' });
      const fresh = JSON.parse(readFileSync(join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
      const committed = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
      const added = Object.keys(fresh).filter((key) => !(key in committed));
      const stale = Object.keys(committed).filter((key) => !(key in fresh));
      assert.deepEqual({ added, stale }, { added: [], stale: [] }, 'run `npm run l10n` and commit l10n/bundle.l10n.json');
      assert.deepEqual(committed, fresh);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('sees every pure-layer string: @vscode/l10n is imported only as `* as l10n`', () => {
    // The exporter finds `l10n.t('…')` calls on the name a file imported; `import { t }` and a bare
    // `t('…')` would be left out of the bundle without a word.
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    const wrong = files(join(ROOT, 'src'))
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => {
        const imports = readFileSync(file, 'utf8').match(/^import .* from '@vscode\/l10n';$/gm) ?? [];
        return imports.some((line) => line !== "import * as l10n from '@vscode/l10n';");
      });
    assert.deepEqual(wrong, []);
  });
});
