/** Conventional Comments: `<label> [decorations]: <subject>`. */
export const LABELS = ['praise', 'nitpick', 'suggestion', 'issue', 'todo', 'question', 'thought', 'chore', 'note'] as const;
export type Label = (typeof LABELS)[number];

export interface ParsedLabel {
  label: Label | 'nit';
  decorations: string[];
  /** Length of the "label (decorations): " prefix, including the space after the colon. */
  prefixLength: number;
}

const LABEL_PATTERN = /^\s*(praise|nitpick|nit|suggestion|issue|todo|question|thought|chore|note)\s*(?:\(([^)]*)\))?\s*:\s*/i;

/** The label at the start of a comment; "nit:" is recognised but is not a Conventional Comments label. */
export function parseLabel(text: string): ParsedLabel | undefined {
  const match = LABEL_PATTERN.exec(text);
  if (!match) return undefined;
  const decorations = (match[2] ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d !== '');
  return { label: match[1].toLowerCase() as Label | 'nit', decorations, prefixLength: match[0].length };
}
