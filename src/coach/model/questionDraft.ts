import * as l10n from '@vscode/l10n';

/** What the user fills in the Coach view and hands to a person or a growth note. */
export interface QuestionContext {
  personName: string;
  /** The signal's summary, e.g. "You've been editing src/x.ts for 50 min without a commit." */
  signalSummary: string;
  files: readonly string[];
  /** The user's answer to the prompt: what they tried. May be empty. */
  tried: string;
}

const MAX_FILES = 5;

/**
 * A message to paste into chat. It carries the context a helper needs (files, what was tried), so the
 * first reply is help, not "what have you tried?".
 */
export function draftQuestion(context: QuestionContext): string {
  const firstName = context.personName.trim().split(/\s+/)[0] || l10n.t('there');
  const files = context.files.slice(0, MAX_FILES);
  const topic =
    files.length === 1
      ? files[0]
      : files.length > 1
        ? l10n.t('a change in {0} and {1} more', files[0], files.length - 1)
        : l10n.t('something I am stuck on');
  const tried = context.tried.trim() || l10n.t('(add what you tried)');
  // The summary speaks to the user ("You've been…"); in the user's own message it is "I've been…".
  // Only the English wording is turned round; a translated summary is quoted as it is.
  const where = context.signalSummary.replace(/^You've been/, "I've been").replace(/^You've/, "I've");
  const lines = [
    l10n.t('Hi {0}, could you spare 10 minutes to help me think through {1}?', firstName, topic),
    '',
    l10n.t('Where I am: {0}', where),
    l10n.t("What I've tried so far: {0}", tried),
  ];
  if (files.length > 0) lines.push(l10n.t('Files: {0}', files.join(', ')));
  lines.push('', l10n.t('No rush; a pointer to where to look is already a big help.'));
  return lines.join('\n');
}
