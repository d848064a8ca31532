// `npm run bench`: runs every scripts/bench/*.ts benchmark in turn with tsx; stops at the first failure.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
// Helpers imported by a benchmark are named *-*.ts (e.g. git-scan-child.ts); benchmarks are one word.
const benches = readdirSync(here)
  .filter((f) => /^[a-z]+\.ts$/.test(f))
  .sort();
for (const file of benches) {
  console.log(`\n== ${file}`);
  const result = spawnSync(
    process.execPath,
    [join(here, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(here, file), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
