/**
 * Toast text is plain text built from capability strings that may hold repository or GitHub
 * text (PR titles). VS Code notifications turn `[label](command:…)` into clickable links, so a
 * crafted PR title could otherwise plant a command link in a trusted-looking toast; and a bidi
 * override or zero-width character could make it read as something else.
 */
import { clamp, displayText } from '../../core/text';

const MAX_TOAST_CHARS = 280;

/** One line, no control, bidi or invisible characters, links defused, bounded length. */
export function plainToastText(title: string, why: string): string {
  return clamp(`${oneLine(title)} — ${oneLine(why)}`, MAX_TOAST_CHARS);
}

function oneLine(text: string): string {
  // Control characters and line breaks would split or hide parts of the message: a space each.
  // The input is bounded first, so a 1 MiB title costs no more than a short one.
  const spaced = clamp(text, MAX_TOAST_CHARS * 4).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  return (
    displayText(spaced, { maxLength: MAX_TOAST_CHARS })
      // A zero-width space between "]" and "(" keeps the text readable but no longer a link.
      .replace(/\]\s*\(/g, ']\u200b(')
  );
}
