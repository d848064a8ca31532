/**
 * Toast text is plain text built from capability strings that may hold repository or GitHub
 * text (PR titles). VS Code notifications turn `[label](command:…)` into clickable links, so a
 * crafted PR title could otherwise plant a command link in a trusted-looking toast.
 */

const MAX_TOAST_CHARS = 280;

/** One line, no control characters, links defused, bounded length. */
export function plainToastText(title: string, why: string): string {
  const text = `${oneLine(title)} — ${oneLine(why)}`;
  return text.length > MAX_TOAST_CHARS ? `${text.slice(0, MAX_TOAST_CHARS - 1)}…` : text;
}

function oneLine(text: string): string {
  return (
    text
      // Control characters and line breaks would split or hide parts of the message.
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      // A zero-width space between "]" and "(" keeps the text readable but no longer a link.
      .replace(/\]\s*\(/g, ']\u200b(')
  );
}
