/**
 * The words engine: every check and rewrite, with the tone lexicon and the profanity list, and the
 * team file's reader (with its JSON parser). It is bundled apart (dist/words-engine.js) and loaded
 * on the first check or the first team file read, so it weighs nothing on activation;
 * `../engine.ts` loads it. Pure.
 */
export { checkBlame } from './blame';
export { checkDescription } from './description';
export { applyEdits } from './findings';
export { splitParagraphs } from './paragraphs';
export { commitsSince, findIncidents, hotfixMatcher, participantsInNote, retroNoteBody } from './retro';
export { proposeRewrites } from './rewrites';
export { checkComment } from './rules';
export { parseTeamConfig } from './teamConfig';
export { checkWhy } from './why';
