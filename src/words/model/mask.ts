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
