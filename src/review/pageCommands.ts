/**
 * The pull request pages' commands. They are registered at activation as stubs
 * (src/review/pages.ts) that load their implementation (src/review/prCommands.ts, in
 * dist/pr-pages.js) on first use; this list is what both sides agree on. Pure.
 */
export const PAGE_COMMANDS = [
  'multiplier.review.openOverview',
  'multiplier.review.openChanges',
  'multiplier.review.checkout',
  'multiplier.review.copyQuestion',
] as const;

export type PageCommand = (typeof PAGE_COMMANDS)[number];
