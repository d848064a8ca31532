/**
 * The words engine (src/words/model/engine.ts: lexicon, profanity list, rules, rewrites), loaded on
 * the first check; in the extension it is dist/words-engine.js, beside extension.js.
 */
import { join } from 'node:path';
import { lazyModule } from '../core/lazyModule';
import type * as Engine from './model/engine';

export type WordsEngine = typeof Engine;

export const wordsEngine = lazyModule<WordsEngine>({
  bundled: join(__dirname, 'words-engine.js'),
  source: join(__dirname, 'model', 'engine'),
});
