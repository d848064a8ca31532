import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// l10n/bundle.l10n.json is what translators start from: every `vscode.l10n.t('…')` string of src/.
// A new string without `npm run l10n` fails here, so the committed bundle never falls behind.
const ROOT = join(__dirname, '..', '..', '..');

describe('l10n/bundle.l10n.json', function () {
  this.timeout(120_000); // the exporter parses every source file with tree-sitter

  it('matches what `npm run l10n` exports from src/ now', () => {
    const out = mkdtempSync(join(tmpdir(), 'multiplier-l10n-'));
    try {
      const cli = join(ROOT, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
      execFileSync(process.execPath, [cli, 'export', '--outDir', out, join(ROOT, 'src')], { cwd: ROOT, stdio: 'pipe' });
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
});
