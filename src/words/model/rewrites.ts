import { applyEdits, type TextEdit } from './findings';
import { parseLabel } from './label';
import { maskCode } from './mask';
import { checkComment, type CommentCheckOptions, type CommentFinding, type CommentRule, suggestLabel } from './rules';

export interface Rewrite {
  /** Quick-pick label. */
  title: string;
  /** Why this rewrite, one line; says what it leaves when it leaves something. */
  detail: string;
  text: string;
  /** The rules whose findings this rewrite removes. */
  fixes: CommentRule[];
  /** Findings still present in the rewritten text: never dropped silently. */
  leaves: CommentFinding[];
}

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

const DOUBLED = new Set([
  'run',
  'put',
  'set',
  'get',
  'stop',
  'cut',
  'let',
  'commit',
  'drop',
  'wrap',
  'ship',
  'plan',
  'skip',
  'swap',
  'split',
  'strip',
  'trim',
]);

/** "do" → "doing", "use" → "using", "run" → "running". */
function gerund(verb: string): string {
  const v = verb.toLowerCase();
  if (DOUBLED.has(v)) return verb + verb.slice(-1) + 'ing';
  if (/ie$/.test(v)) return verb.slice(0, -2) + 'ying';
  if (/[^aeiou]e$/.test(v) && v !== 'be') return verb.slice(0, -1) + 'ing';
  return verb + 'ing';
}

const IMPERATIVES =
  'change|use|rename|remove|delete|add|move|extract|replace|split|avoid|make|fix|switch|inline|drop|wrap|return|throw|handle|call|convert|prefer|consider|revert|update|pass|check|put|write|test|document|log|keep|mark|cache|guard|validate|simplify|reuse|merge|squash|rebase|run|bump|pin|export|import|define|declare|catch|close|open|free|release|lock|unlock';

/** One sentence as a question; the sentence has no trailing punctuation. */
function questionFor(sentence: string): string {
  const first = sentence.trim().replace(/^(?:just|simply|so|ok|okay|well),?\s+/i, '');
  let m: RegExpExecArray | null;
  if ((m = /^(?:why (?:didn't|did not|don't|do not|wouldn't) you)\s+(.*)$/i.exec(first))) return `Was there a reason not to ${m[1]}?`;
  if ((m = /^(?:you (?:should|must|need to|have to)\s+)?never\s+(\w+)(.*)$/i.exec(first)))
    return `Could we avoid ${gerund(m[1].toLowerCase())}${m[2]}?`;
  if ((m = /^(?:you (?:should|must|need to|have to)\s+)?always\s+(.*)$/i.exec(first))) return `Could we ${m[1]} here?`;
  if ((m = /^you (?:should|need to|must|have to)\s+(.*)$/i.exec(first))) return `Could we ${m[1]}?`;
  if ((m = /^(?:please\s+)?(?:don't|do not)\s+(\w+)(.*)$/i.exec(first))) return `Could we avoid ${gerund(m[1].toLowerCase())}${m[2]}?`;
  if ((m = new RegExp(`^(?:please\\s+)?(${IMPERATIVES})\\b(.*)$`, 'i').exec(first))) return `Could we ${m[1].toLowerCase()}${m[2]}?`;
  if ((m = /^(this|that|it) (?:is|looks) (?:(?:totally|completely|plain|simply|dead|all)\s+)?wrong\b(.*)$/i.exec(first)))
    return `I think ${m[1].toLowerCase()} might not be right${m[2]}; what do you think?`;
  if ((m = /^(.*?)\b(?:should|must) never\b\s*(\w+)(.*)$/i.exec(first)))
    return `Could ${lowerFirst(m[1]).trim() || 'we'} avoid ${gerund(m[2])}${m[3]}?`;
  if ((m = /^(.*?)\b(?:should|must) always\b\s*(.*)$/i.exec(first)))
    return `Could ${lowerFirst(m[1]).trim() || 'we'} ${m[2]} in this case?`;
  return `What do you think about this: ${lowerFirst(first)}?`;
}

/** Sentence spans of the (label-less) body, on masked text so code never splits a sentence. */
function sentences(body: string): { start: number; end: number }[] {
  const masked = maskCode(body);
  const out: { start: number; end: number }[] = [];
  // A full stop inside a token ("%.70s", "e.g.", "v1.2") does not end a sentence.
  const pattern = /(?:[^.!?\n]|[.!?](?![\s.!?]|$))+(?:[.!?]+|$)/g;
  for (const m of masked.matchAll(pattern)) {
    if (m[0].trim() === '') continue;
    const lead = m[0].length - m[0].trimStart().length;
    out.push({ start: (m.index ?? 0) + lead, end: (m.index ?? 0) + m[0].trimEnd().length });
  }
  return out;
}

/** Turns the sentences containing these offsets (into the whole text) into questions; the label stays. */
function rephraseSentencesAt(text: string, offsets: readonly number[]): string {
  const { prefix, body } = splitLabel(text);
  const spans = sentences(body).filter((s) =>
    offsets.some((o) => o - prefix.length >= s.start && o - prefix.length < Math.max(s.end, s.start + 1)),
  );
  let out = body;
  for (const span of [...spans].reverse()) {
    const raw = body.slice(span.start, span.end);
    if (/\?\s*$/.test(raw)) continue;
    const question = upperFirst(questionFor(raw.replace(/[.!]+$/, '')));
    out = out.slice(0, span.start) + question + out.slice(span.end);
  }
  return prefix + out;
}

/** "You should use X." → "Could we use X?"; keeps the label and every other sentence. */
export function rephraseAsQuestion(text: string): string {
  const { prefix, body } = splitLabel(soften(text).trim());
  const first = sentences(body)[0];
  if (!first) return text;
  return rephraseSentencesAt(prefix + body, [prefix.length + first.start]);
}

/** Drops "just", "simply", "obviously"… outside code. */
export function soften(text: string): string {
  const masked = maskCode(text);
  const edits: TextEdit[] = [];
  for (const m of masked.matchAll(/\b(?:just|simply|obviously|clearly|of course)\b/gi))
    edits.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: '' });
  return applyEdits(text, edits);
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
  if (!end) return `${trimmed} because [reason]`;
  return `${trimmed.slice(0, end.index)} because [reason]${trimmed.slice(end.index)}`;
}

/** Rules a question fixes: a question is not an order and leaves room for context. */
const QUESTION_FIXES = new Set<CommentRule>(['request-without-reason', 'absolute-wording']);

function fixOnce(text: string, findings: readonly CommentFinding[]): string {
  const edits = findings.flatMap((f) => f.edits ?? []);
  let out = edits.length > 0 ? applyEdits(text, edits) : text;
  if (out === text) {
    const offsets = findings.filter((f) => QUESTION_FIXES.has(f.rule) && !f.edits).map((f) => f.start);
    if (offsets.length > 0) out = rephraseSentencesAt(text, offsets);
  }
  return out;
}

function describe(finding: CommentFinding): string {
  return finding.words ? `${finding.rule} "${finding.words}"` : finding.rule;
}

function leavesNote(leaves: readonly CommentFinding[]): string {
  return leaves.length === 0 ? '' : ` Still to fix by hand: ${leaves.map(describe).join(', ')}.`;
}

/** Every finding's mechanical fix, repeated until nothing more changes (at most four passes). */
export function combinedRewrite(text: string, options: CommentCheckOptions = {}): { text: string; leaves: CommentFinding[] } {
  let current = text;
  let findings = checkComment(current, options);
  for (let pass = 0; pass < 4 && findings.length > 0; pass++) {
    const next = fixOnce(current, findings);
    if (next === current) break;
    current = next;
    findings = checkComment(current, options);
  }
  return { text: current, leaves: findings };
}

function titleFor(finding: CommentFinding): string {
  const edit = finding.edits?.[0];
  if (!edit) return finding.rule === 'request-without-reason' ? 'Rephrase as a question' : `Rephrase "${finding.words}" as a question`;
  if (finding.rule === 'missing-label') return `Add label "${edit.text.trim()}"`;
  if (finding.rule === 'nitpick-blocking') return 'Mark as nitpick (non-blocking):';
  if (edit.text === '') return `Drop "${finding.words}"`;
  return `Replace "${finding.words}" with "${edit.text}"`;
}

/**
 * The rewrites for a comment, most useful first: one combined rewrite that fixes every finding it
 * can, then one rewrite per fixable finding. Each says what it leaves, so no finding vanishes unseen.
 */
export function proposeRewrites(
  text: string,
  findings: readonly CommentFinding[] = checkComment(text),
  options: CommentCheckOptions = {},
): Rewrite[] {
  const out: Rewrite[] = [];
  const before = new Set(findings.map(describe));
  const push = (title: string, detail: string, rewritten: string): void => {
    if (rewritten === text || out.some((r) => r.text === rewritten)) return;
    const leaves = checkComment(rewritten, options);
    const left = new Set(leaves.map((f) => f.rule));
    const fixes = [...new Set(findings.map((f) => f.rule))].filter((r) => !left.has(r));
    // A rewrite that introduces a problem the text did not have is no rewrite.
    if (leaves.some((f) => f.severity === 'warning' && !before.has(describe(f)))) return;
    out.push({ title, detail: detail + leavesNote(leaves), text: rewritten, fixes, leaves });
  };
  const fixable = findings.filter((f) => f.edits || QUESTION_FIXES.has(f.rule));
  if (fixable.length > 1) {
    const combined = combinedRewrite(text, options);
    push(`Fix all ${fixable.length} findings`, 'One rewrite for every finding that has a mechanical fix.', combined.text);
  }
  for (const finding of fixable) {
    const rewritten = finding.edits ? applyEdits(text, finding.edits) : rephraseSentencesAt(text, [finding.start]);
    push(titleFor(finding), finding.message, rewritten);
  }
  if (findings.some((f) => f.rule === 'request-without-reason'))
    push('Add "because …"', 'A reason turns an order into a shared decision.', withReason(text));
  if (findings.some((f) => f.rule === 'missing-label')) {
    const guess = suggestLabel(text);
    for (const label of ['suggestion:', 'question:', 'nitpick (non-blocking):', 'praise:', 'issue:']) {
      if (label !== guess) push(`Add label "${label}"`, 'Conventional Comments label.', withLabel(text, label));
    }
  }
  return out;
}
