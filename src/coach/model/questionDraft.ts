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
  const firstName = context.personName.trim().split(/\s+/)[0] || 'there';
  const files = context.files.slice(0, MAX_FILES);
  const topic =
    files.length === 1
      ? files[0]
      : files.length > 1
        ? 'a change in ' + files[0] + ` and ${files.length - 1} more`
        : 'something I am stuck on';
  const tried = context.tried.trim() || '(add what you tried)';
  const lines = [
    `Hi ${firstName}, could you spare 10 minutes to help me think through ${topic}?`,
    '',
    `Where I am: ${context.signalSummary.replace(/^You've been/, "I've been").replace(/^You've/, "I've")}`,
    `What I've tried so far: ${tried}`,
  ];
  if (files.length > 0) lines.push(`Files: ${files.join(', ')}`);
  lines.push('', 'No rush; a pointer to where to look is already a big help.');
  return lines.join('\n');
}
