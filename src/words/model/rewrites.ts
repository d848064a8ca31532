import { parseLabel } from './label';
import { maskCode } from './mask';
import { type CommentFinding, suggestLabel } from './rules';

export interface Rewrite {
  /** Quick-pick label. */
  title: string;
  /** Why this rewrite, one line. */
  detail: string;
  text: string;
}

/** Words removed when softening; only outside code (masked offsets are checked). */
const SOFTENERS = /\b(?:just|simply|obviously|clearly|of course)\b ?/gi;

function splitLabel(text: string): { prefix: string; body: string } {
  const label = parseLabel(maskCode(text));
  return label ? { prefix: text.slice(0, label.prefixLength), body: text.slice(label.prefixLength) } : { prefix: '', body: text };
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

function upperFirst(s: string): string {
  return s.length > 0 ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Drops "just", "simply", "obviously"… outside code spans. */
export function soften(text: string): string {
  const masked = maskCode(text);
  let out = '';
  let last = 0;
  let capitalizeAt = -1;
  for (const match of masked.matchAll(SOFTENERS)) {
    const index = match.index ?? 0;
    out += text.slice(last, index);
    last = index + match[0].length;
    // Removing a sentence's first word must leave its next word capitalised.
    if (/(^|[.!?:]\s*)$/.test(text.slice(0, index)) && /^[A-Z]/.test(match[0])) capitalizeAt = out.length;
  }
  out += text.slice(last);
  return capitalizeAt >= 0 ? out.slice(0, capitalizeAt) + out.charAt(capitalizeAt).toUpperCase() + out.slice(capitalizeAt + 1) : out;
}

/** "You should use X." → "Could we use X?"; keeps the label and anything after the first sentence. */
export function rephraseAsQuestion(text: string): string {
  const { prefix, body } = splitLabel(soften(text).trim());
  const sentenceEnd = /[.!?]+(\s|$)/.exec(maskCode(body));
  const first = (sentenceEnd ? body.slice(0, sentenceEnd.index) : body).trim();
  const rest = sentenceEnd ? body.slice(sentenceEnd.index + sentenceEnd[0].length) : '';
  if (first === '' || (sentenceEnd && sentenceEnd[0].trim().endsWith('?'))) return text;
  let question: string;
  let match: RegExpExecArray | null;
  if ((match = /^(?:why (?:didn't|did not) you)\s+(.*)$/i.exec(first))) question = `Was there a reason not to ${match[1]}?`;
  else if ((match = /^you (?:should|need to|must|have to)\s+(.*)$/i.exec(first))) question = `Could we ${match[1]}?`;
  else if ((match = /^(?:please\s+)?(don't|do not)\s+(.*)$/i.exec(first)))
    question = `Could we avoid ${match[2].replace(/^(\w+)/, (w) => (w.endsWith('e') ? w.slice(0, -1) : w) + 'ing')}?`;
  else if (
    (match =
      /^(?:please\s+)?(change|use|rename|remove|delete|add|move|extract|replace|split|avoid|make|fix|switch|inline|drop|wrap|return|throw|handle|call|convert|prefer|consider|revert|update|pass|check|put)\b(.*)$/i.exec(
        first,
      ))
  )
    question = `Could we ${match[1].toLowerCase()}${match[2]}?`;
  else if ((match = /^(this|that|it) (?:is|looks) wrong\b(.*)$/i.exec(first)))
    question = `I think ${match[1].toLowerCase()} might not be right${match[2]}; what do you think?`;
  else question = `What do you think about this: ${lowerFirst(first)}?`;
  return `${prefix}${upperFirst(question)}${rest ? ` ${rest.trim()}` : ''}`;
}

/** Puts (or replaces) a Conventional Comments label in front. */
export function withLabel(text: string, label: string): string {
  const { body } = splitLabel(text.trim());
  return `${label} ${body.trim()}`;
}

/** Adds a "because …" placeholder before the end of the first sentence. */
export function withReason(text: string): string {
  const trimmed = text.trimEnd();
  const end = /[.!]+(\s|$)/.exec(maskCode(trimmed));
  if (!end) return `${trimmed} because …`;
  return `${trimmed.slice(0, end.index)} because …${trimmed.slice(end.index)}`;
}

/** The rewrites worth offering for these findings, most useful first, each different from the text. */
export function proposeRewrites(text: string, findings: readonly CommentFinding[]): Rewrite[] {
  const rules = new Set(findings.map((f) => f.rule));
  const out: Rewrite[] = [];
  const push = (title: string, detail: string, rewritten: string): void => {
    if (rewritten !== text && !out.some((r) => r.text === rewritten)) out.push({ title, detail, text: rewritten });
  };
  if (rules.has('absolute-wording') || rules.has('request-without-reason'))
    push('Rephrase as a question', 'A question invites the author to explain before changing.', rephraseAsQuestion(text));
  if (rules.has('absolute-wording')) push('Drop "just", "simply", "obviously"', 'Softeners make the work sound trivial.', soften(text));
  if (rules.has('request-without-reason')) push('Add "because …"', 'A reason turns an order into a shared decision.', withReason(text));
  if (rules.has('nitpick-blocking'))
    push('Mark as nitpick (non-blocking):', 'Small things should not hold up a merge.', withLabel(text, 'nitpick (non-blocking):'));
  if (rules.has('missing-label')) {
    const guess = suggestLabel(text);
    push(`Add label "${guess}"`, 'The label says how much the comment matters.', withLabel(text, guess));
    for (const label of ['suggestion:', 'question:', 'nitpick (non-blocking):', 'praise:']) {
      if (label !== guess) push(`Add label "${label}"`, 'Conventional Comments label.', withLabel(text, label));
    }
  }
  return out;
}
