/** Starting text for each kind of note. Pure. */

export function weeklyReflectionBody(weekLabel: string): string {
  return [
    `# Weekly reflection — ${weekLabel}`,
    '',
    '## Wins',
    '',
    '- ',
    '',
    '## What I learned',
    '',
    '- ',
    '',
    "## What I'd do differently",
    '',
    '- ',
    '',
    '## Who I helped',
    '',
    '- ',
    '',
    '## Where I want to grow',
    '',
    '- ',
    '',
  ].join('\n');
}

/** A quick capture: the first line becomes the heading, the rest the body. */
export function quickNoteBody(text: string): string {
  const [first = '', ...rest] = text.trim().split('\n');
  const heading = first.startsWith('#') ? first : `# ${first}`;
  const tail = rest.join('\n').trim();
  return tail === '' ? `${heading}\n\n` : `${heading}\n\n${tail}\n`;
}

export function coachAnswerBody(input: { prompt: string; signal: string; answer?: string }): string {
  const quoted = input.signal
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return `# ${oneLine(input.prompt)}\n\n${quoted}\n\n${input.answer?.trim() ? input.answer.trim() : '<!-- Write your answer here. -->'}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
