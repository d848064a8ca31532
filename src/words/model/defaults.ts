/** Defaults the editor layer needs without loading the words engine. Pure. */
export const DEFAULT_HOTFIX_PATTERN = String.raw`\bhot-?fix(?:es)?\b`;
