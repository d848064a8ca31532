/**
 * Test seam (harness builds only): the words capability's state as plain data. Imported only by
 * src/testApi.ts, which a production build does not contain.
 */
import type { Words } from './register';

export function wordsTestApi(words: Words) {
  return {
    /** How strict Conventional Comments checks are, and who decided (setting, team file, default). */
    conventionalComments: async () => {
      await words.teamConfig.refresh();
      return words.controller.conventionalComments();
    },
    teamConfigProblems: async () => {
      await words.teamConfig.refresh();
      return words.teamConfig.problems;
    },
    /** The commit-message hint's last decision per Source Control input box. */
    commitHints: () => [...words.commitHint.states.entries()].map(([uri, state]) => ({ uri, ...state })),
    retros: async () => {
      words.retros.start();
      await words.retros.settled();
      return { checks: words.retros.checks, pending: words.retros.pending() };
    },
    checkDescription: (text: string, size?: { files: number; lines: number }) => words.controller.checkDescription(text, size),
  };
}
