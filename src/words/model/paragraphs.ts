/** A review draft holds one comment per paragraph (blank-line separated); offsets are into the file. */
export interface Paragraph {
  start: number;
  text: string;
}

export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const pattern = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
  for (const match of text.matchAll(pattern)) {
    // Headings and fenced blocks in a draft are structure, not comments.
    if (/^\s*(#|```|~~~)/.test(match[0])) continue;
    out.push({ start: match.index ?? 0, text: match[0] });
  }
  return out;
}
