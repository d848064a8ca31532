// Copies the walkthrough pictures the demo session took (test-output/screenshots/walkthrough-*.png,
// from test/integration/suites/walkthrough.demo.test.ts) into media/walkthrough/, where the
// walkthrough steps in package.json show them. Run after `npm run test:integration`.
import { copyFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FROM = join(ROOT, 'test-output', 'screenshots');
const TO = join(ROOT, 'media', 'walkthrough');
const VIEWS = ['queue', 'coach', 'notes', 'deep-work'];

let missing = 0;
for (const view of VIEWS) {
  for (const theme of ['light', 'dark']) {
    const name = `walkthrough-${view}-${theme}.png`;
    if (!existsSync(join(FROM, name))) {
      console.error(`missing ${join(FROM, name)}: run npm run test:integration -- --grep "Walkthrough pictures" first`);
      missing++;
      continue;
    }
    copyFileSync(join(FROM, name), join(TO, `${view}-${theme}.png`));
    console.log(`media/walkthrough/${view}-${theme}.png`);
  }
}
process.exit(missing > 0 ? 1 : 0);
