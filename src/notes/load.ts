/** Loads Growth Notes' working parts (./runtime.ts): dist/notes.js beside extension.js, on first use. */
import { join } from 'node:path';
import { lazyModule } from '../core/lazyModule';
import type * as Runtime from './runtime';

export const notesRuntime = lazyModule<typeof Runtime>({
  bundled: join(__dirname, 'notes.js'),
  source: join(__dirname, 'runtime'),
});
