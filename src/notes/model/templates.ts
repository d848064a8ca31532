/** Starting text for each kind of note, in the user's language. Pure. */
import * as l10n from '@vscode/l10n';

export function weeklyReflectionBody(weekLabel: string): string {
  return [
    `# ${l10n.t('Weekly reflection — {0}', weekLabel)}`,
    '',
    `## ${l10n.t('Wins')}`,
    '',
    '- ',
    '',
    `## ${l10n.t('What I learned')}`,
    '',
    '- ',
    '',
    `## ${l10n.t("What I'd do differently")}`,
    '',
    '- ',
    '',
    `## ${l10n.t('Who I helped')}`,
    '',
    '- ',
    '',
    `## ${l10n.t('Where I want to grow')}`,
    '',
    '- ',
    '',
  ].join('\n');
}

/** `#tag` words as typed inline: letters, digits, `-` and `_`. */
export const INLINE_TAG = /(?:^|\s)#([\w-]+)/g;

/** The tags written inline in a text, in order, once each. */
export function inlineTags(text: string): string[] {
  return [...new Set([...text.matchAll(INLINE_TAG)].map((match) => match[1] as string))];
}

/**
 * A quick capture: the first line becomes the heading, the rest the body, and every tag stays in
 * the text. Tags at the end of the first line move to a line of their own under the heading (the
 * heading is the note's title); tags elsewhere stay where they were written; tags given apart
 * from the text join that line.
 */
export function quickNoteBody(text: string, extraTags: readonly string[] = []): string {
  const [first = '', ...rest] = text.trim().split('\n');
  const trailing = /(?:\s+#[\w-]+)+\s*$/.exec(` ${first}`);
  const headingText = trailing ? ` ${first}`.slice(0, trailing.index).trim() : first;
  const moved = trailing ? inlineTags(trailing[0]) : [];
  const heading = (headingText || first).startsWith('#') ? headingText || first : `# ${headingText || first}`;
  const seen = new Set(inlineTags(headingText || first).concat(inlineTags(rest.join('\n'))));
  const tagLine = [...new Set([...moved, ...extraTags])]
    .filter((tag) => headingText === '' || !seen.has(tag))
    .map((tag) => `#${tag}`)
    .join(' ');
  const tail = rest.join('\n').trim();
  const parts = [heading];
  if (tagLine && headingText !== '') parts.push(tagLine);
  if (tail) parts.push(tail);
  // A heading alone keeps an empty line under it, where the cursor lands to write on.
  return parts.length === 1 ? `${heading}\n\n` : `${parts.join('\n\n')}\n`;
}

export function coachAnswerBody(input: { prompt: string; signal: string; answer?: string }): string {
  const quoted = input.signal
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return `# ${oneLine(input.prompt)}\n\n${quoted}\n\n${input.answer?.trim() ? input.answer.trim() : `<!-- ${l10n.t('Write your answer here.')} -->`}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
