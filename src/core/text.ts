/**
 * Text from outside (pull-request titles and bodies, logins, branch and file names, commit
 * authors) made safe to show as plain text: no bidirectional overrides that reorder what the
 * reader sees ("Bidi‮fdp.exe" showing as "Bidi pdf.exe"), no invisible characters, no control
 * characters, and a bounded length so a 1 MiB title cannot reach a tree item, a hover or a screen
 * reader whole. Pure.
 */

/** Bidirectional embeddings, overrides, isolates and marks. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Zero-width and invisible formatting characters (joiners, word joiner, BOM, soft hyphen, …). */
const INVISIBLE = /[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200d\u2060-\u2064\u3164\ufeff\uffa0]/g;
/** C0 and C1 controls other than tab and line breaks. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAKS = /[\r\n\u2028\u2029]+/g;

export interface DisplayOptions {
  /** Longest result in characters (code points), the ellipsis included. Default 200. */
  maxLength?: number;
  /** Keep line breaks (tooltips, bodies); otherwise they become spaces. Default false. */
  multiline?: boolean;
}

/** Untrusted text as something safe to display as plain text (never Markdown, never HTML). */
export function displayText(text: string, { maxLength = 200, multiline = false }: DisplayOptions = {}): string {
  let clean = String(text).replace(BIDI_CONTROLS, '').replace(INVISIBLE, '').replace(CONTROLS, '');
  clean = multiline ? clean.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n') : clean.replace(LINE_BREAKS, ' ').replace(/\s+/g, ' ');
  return clamp(clean.trim(), maxLength);
}

/** At most `maxLength` code points, ending in "…" when cut; never splits a surrogate pair. */
export function clamp(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text; // fast path: UTF-16 length bounds the code points
  const points = Array.from(text);
  return points.length <= maxLength
    ? text
    : `${points
        .slice(0, Math.max(0, maxLength - 1))
        .join('')
        .trimEnd()}…`;
}
