// `npm run l10n`: writes l10n/bundle.l10n.json, what translators start from. It holds every string
// the exporter finds in src/ (`vscode.l10n.t` in editor code, `l10n.t` from '@vscode/l10n' in pure
// code), then the texts of the shipped Coach prompts: prompts.json is data, so no `l10n.t` call
// names them; src/coach/model/prompts/shipped.ts looks each one up by its English text.
//   node scripts/build/l10n.mjs [--outDir DIR]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const outDirAt = argv.indexOf('--outDir');
const outDir = outDirAt >= 0 ? argv[outDirAt + 1] : join(root, 'l10n');

const cli = join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
execFileSync(process.execPath, [cli, 'export', '--outDir', outDir, join(root, 'src')], { cwd: root, stdio: 'pipe' });

const file = join(outDir, 'bundle.l10n.json');
const bundle = JSON.parse(readFileSync(file, 'utf8'));
const prompts = JSON.parse(readFileSync(join(root, 'src', 'coach', 'model', 'prompts', 'prompts.json'), 'utf8')).prompts;
// Trimmed, as the library reads them.
for (const { text } of prompts) bundle[text.trim()] ??= text.trim();
writeFileSync(file, JSON.stringify(bundle, undefined, 2));
