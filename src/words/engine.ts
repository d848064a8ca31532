/**
 * Loads the words engine (src/words/model/engine.ts) on first use. In the extension bundle it is a
 * file of its own beside extension.js (esbuild.mjs builds both), so activation never parses the
 * lexicon or the profanity list; run from source (unit tests, benchmarks) it is the module itself.
 */
import { join } from 'node:path';
import type * as Engine from './model/engine';

export type WordsEngine = typeof Engine;

let loaded: WordsEngine | undefined;

export function wordsEngine(): WordsEngine {
  if (!loaded) {
    // A path built at run time, so the bundler leaves the engine out of extension.js.
    const bundled = __filename.endsWith('.js');
    loaded = require(bundled ? join(__dirname, 'words-engine.js') : join(__dirname, 'model', 'engine')) as WordsEngine;
  }
  return loaded;
}
