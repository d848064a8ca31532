/**
 * The shape every words check returns (review comments, commit messages, retro notes), so the editor
 * layer renders all of them the same way: a diagnostic per finding, a hover with its message, and
 * the rewrites in a quick pick.
 */

/**
 * - `warning`: a tone problem a reader will feel (an insult, profanity, condescension, sarcasm,
 *   shouting, blame). These are what "flags" means in the benchmark.
 * - `info`: a quiet suggestion (orders without a reason, absolute wording, a missing label when the
 *   team has not opted in, a missing "why"). The UI can show it without counting it as a problem.
 */
export type Severity = 'warning' | 'info';

/** One replacement on the original text; offsets are UTF-16 indices into it. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Finding<Rule extends string = string> {
  rule: Rule;
  severity: Severity;
  /** One line: what was found and why it matters to the reader. */
  message: string;
  /** The words at fault, as offsets into the checked text (start === end: the whole text is meant, shown at start). */
  start: number;
  end: number;
  /** The words themselves, for hovers and tests. */
  words: string;
  /** Span edits that fix this finding alone, when a mechanical fix exists. */
  edits?: TextEdit[];
  /** A whole-text rewrite that fixes this finding, when no span edit can (e.g. an order turned into a question). */
  rewrite?: (text: string) => string;
}

/**
 * Applies non-overlapping edits (an edit overlapping an earlier one is skipped). A removal also takes
 * the space and comma it leaves dangling, and a removed sentence opener hands its capital letter on,
 * so "Obviously, this leaks." becomes "This leaks." and nothing else in the text changes.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let last = 0;
  for (const edit of sorted) {
    if (edit.start < last) continue;
    let end = edit.end;
    let replacement = edit.text;
    let before = text.slice(last, edit.start);
    if (replacement === '') {
      const atSentenceStart = /(^|[.!?]\s+|\n\s*)$/.test(out + before);
      // Take a following ", " or " " with the removed words; else the space before them.
      // A removed interjection that was a whole sentence ("Yuck.") takes its full stop along.
      const after = (atSentenceStart ? /^[ \t]*[,.!…]*[ \t]*/ : /^[ \t]*,?[ \t]*/).exec(text.slice(end))?.[0] ?? '';
      if (after.length > 0 && !/^[ \t]*$/.test(text.slice(end + after.length, end + after.length + 1))) end += after.length;
      else if (/[ \t]$/.test(before) && /^[.,;:!?)]|^$/.test(text.slice(end, end + 1) || '')) before = before.replace(/[ \t]+$/, '');
      if (atSentenceStart && /^[A-Z]/.test(text.slice(edit.start, edit.end))) {
        const next = text.slice(end, end + 1);
        if (/[a-z]/.test(next) && !/^[a-z]+[A-Z_(]/.test(text.slice(end))) {
          replacement = next.toUpperCase();
          end += 1;
        }
      }
    } else if (/^[A-Z]/.test(text.slice(edit.start, edit.end)) && /^[a-z]/.test(replacement) && /(^|[.!?]\s+|\n\s*)$/.test(out + before)) {
      replacement = replacement[0].toUpperCase() + replacement.slice(1);
    }
    out += before + replacement;
    last = end;
  }
  return (out + text.slice(last)).replace(/^[ \t]+/, (m) => (text.startsWith(m) ? m : ''));
}
