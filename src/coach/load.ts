/** Loads the Coach's first-use parts (./runtime.ts): dist/coach.js beside extension.js. */
import { join } from 'node:path';
import { lazyModule } from '../core/lazyModule';
import type * as Runtime from './runtime';

export const coachRuntime = lazyModule<typeof Runtime>({
  bundled: join(__dirname, 'coach.js'),
  source: join(__dirname, 'runtime'),
});
