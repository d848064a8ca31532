/**
 * Lists of names in a sentence, through one translated joiner, so the dashboard, the knowledge
 * suggestions and the definitions list names alike. Pure.
 */
import * as l10n from '@vscode/l10n';

/**
 * "Ann, Ben and Cid": the one way names are listed, on the page and in the report's suggestions, so
 * a translator words it once (the last two joined by a translated "and").
 */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return l10n.t({
    message: '{0} and {1}',
    args: [words.slice(0, -1).join(', '), words[words.length - 1]],
    comment: 'A list of names: "Ann, Ben and Cid"',
  });
}
