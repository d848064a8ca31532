/**
 * Code is never judged: "`just`" in backticks is an identifier, and a quoted line ("> ...") is
 * someone else's words. Masking keeps every offset so findings still point at the right place.
 */
export function maskCode(text: string): string {
  const blank = (s: string): string => s.replace(/[^\n]/g, ' ');
  return text
    .replace(/(^|\n)(```|~~~)[^\n]*\n[\s\S]*?(\n\2[^\n]*(?=\n|$)|$)/g, (m, lead: string) => lead + blank(m.slice(lead.length)))
    .replace(/(`+)[^`\n]*?\1/g, blank)
    .replace(/(^|\n)([ \t]*>[^\n]*)/g, (_m, lead: string, line: string) => lead + blank(line));
}

/**
 * For the tone check, also blank what is a name rather than a word: URLs and paths (a branch called
 * `fix-crap-parser` in a link), @mentions, e-mail addresses, identifiers written in code style
 * (snake_case, camelCase, dotted.names(), kill() calls) and HTML tags.
 */
export function maskNames(text: string): string {
  return maskNamesIn(maskCode(text));
}

/** `maskNames` for text whose code is already masked (saves masking twice on the hot path). */
export function maskNamesIn(codeMasked: string): string {
  const blank = (s: string): string => s.replace(/[^\n]/g, ' ');
  return codeMasked
    .replace(/\b(?:https?|ftp|file):\/\/\S+|\bwww\.\S+/gi, blank)
    .replace(/<\/?[a-z][^>\n]*>/gi, blank)
    .replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, blank)
    .replace(/(^|[^\w])@[\w-]+(?:\/[\w-]+)?/g, (m, lead: string) => lead + blank(m.slice(lead.length)))
    .replace(/(?:[\w-]+\/)+[\w.-]+/g, blank)
    .replace(/\b\w+(?:_\w+)+\b|\b[a-z]+[A-Z]\w*\b|\b\w+(?:\.\w+)+(?:\(\))?|\b\w+\(\)/g, blank);
}
