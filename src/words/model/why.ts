import type { Finding } from './findings';
import { maskCode } from './mask';

/**
 * The "why" check: a commit message, pull-request description or Markdown draft for a change of
 * some size should say why, not only what. Pure; the caller passes the change size.
 */

export interface ChangeSize {
  files: number;
  /** Lines added plus lines removed. */
  lines: number;
}

export interface WhyOptions {
  /** The change the message describes; without it the text is judged as a non-trivial change. */
  size?: ChangeSize;
  /** A change this small or smaller never gets a hint: under `minLines` lines and at most `maxTrivialFiles` files. */
  minLines?: number;
  maxTrivialFiles?: number;
  /** What the hint calls the text: a commit "message" (default) or a pull request's "description". */
  noun?: 'message' | 'description';
}

export type WhyRule = 'missing-why';
export type WhyFinding = Finding<WhyRule>;

export const DEFAULT_MIN_LINES = 30;
export const DEFAULT_MAX_TRIVIAL_FILES = 2;

/** Messages that never need a why: generated, mechanical or self-explaining by their kind. */
const EXEMPT_SUBJECT =
  /^(?:merge\b|revert\b|reapply\b|fixup!|squash!|amend!|(?:chore\(release\)|release|prepare release|cut release|version|bump version|tag)\b|v?\d+\.\d+(?:\.\d+)?\b|(?:build\(deps\)|chore\(deps(?:-dev)?\)|deps)\s*:|build:\s*\S+@|(?:update|upgrade|bump)\s+\S+(?:\s+deps?)?$|\S+\s+[\d.]+\s+deps?$|bump\s+\S+\s+from\s+\S+\s+to\b|update (?:changelog|authors|copyright|year|contributors)|(?:fix(?:es|ed)?\s+)?typos?\b|(?:spelling|whitespace|formatting|format|reformat|lint|prettier|gofmt|rustfmt|black|clang-format)\b|initial commit\b|wip\b|update \S+\.md$|regenerate\b|auto-?generated?\b|\[bot\]|sync\b.*\bfrom upstream)/i;

/** Words and shapes that give a reason: a cause, a goal, a problem, or a pointer to where the reason lives. */
const WHY_SIGNALS: RegExp[] = [
  /\b(?:because|since|so that|so (?:we|it|the|that|users?|callers?|they|you|there|this|no|nothing|each)|in order to|otherwise|therefore|hence|thus|as a result|due to|thanks to|which (?:caused|causes|made|makes|meant|means|led|leads|broke|breaks|was|is|would|will)|this (?:caused|causes|led|leads|broke|breaks|meant|means|made|makes|allows|lets|enables|ensures|prevents|avoids|fixes|reduces|improves|keeps|helps|simplifies|removes the need))\b/i,
  /\bto (?:avoid|prevent|allow|support|fix|ensure|reduce|improve|enable|keep|handle|match|make|let|speed|simplify|unblock|unify|address|accommodate|comply|satisfy|work around|get rid|stop|save|free|protect|guard|help|clarify|silence|catch|detect|account for|align|decouple|remove the need|be consistent|stay)\b/i,
  /\b(?:fix(?:es|ed|ing)?|resolv(?:e|es|ed)|clos(?:e|es|ed)|addresses|refs?|see|related to|part of|follow(?:s|-up| up) (?:to|on|for)?)\s*:?\s*(?:#\d+|[A-Z][A-Z0-9]+-\d+|https?:\/\/\S+|gh-\d+|issue)/i,
  /(?:^|[\s(\[])(?:#\d+|[A-Z][A-Z0-9]{1,9}-\d+|GH-\d+)\b|https?:\/\/\S*(?:issues?|pull|bugs?|jira|tickets?|show_bug|discussions?|browse|forum|mail|lists?|review|\/r\/|\/c\/|\/d\/)\S*/i,
  /\b(?:bug|crash(?:es|ed|ing)?|fail(?:s|ed|ing|ure|ures)?|broken|breaks?|regression|error(?:s)?|exception|incorrect(?:ly)?|wrong(?:ly)?|leak(?:s|ed|ing)?|race|deadlock|hang(?:s|ing)?|panic(?:s|ked)?|flak(?:y|iness)|slow(?:er|ness)?|faster|performance|perf|latency|memory|overflow|underflow|vulnerab\w+|security|cve-|insecure|unsafe|confus\w+|inconsisten\w+|missing|not (?:work|handled|supported|respected|used|needed)|doesn't|does not|didn't|did not|can't|cannot|couldn't|won't|wasn't|isn't|no longer|never|unable|unexpected(?:ly)?|problems?|issues?|symptoms?|repeats|twice|eas(?:e|es|ing)|workaround|work around|compat(?:ibility|ible)?|requir(?:e|es|ed|ement)|need(?:s|ed)?|necessary|request(?:ed)?|asked|motivation|rationale|reason|goal|purpose|benefit|so we can|we want|users? (?:want|can|could|need|see|get)|easier|simpler|clearer|safer|cheaper|redundant|unused|duplicat\w+|obsolete|stale|outdated|dead code|unnecessary|noisy|spam\w*)\b/i,
  /\b(?:previously|before this (?:change|commit|patch)|currently|at the moment|right now|today|until now|without this|with this (?:change|commit|patch)|when (?:a|an|the|we|you|users?|it|there)|if (?:a|an|the|we|you|users?|it|there)|now (?:we|it|the|users?|callers?)|now (?:has|have|is|are|supports?|provides?|ships?))\b/i,
];

/** A conventional-commit "fix:" subject or "Fix …" names a problem, which is a why. */
const FIX_SUBJECT =
  /^(?:fix|bugfix|hotfix|security|perf)(?:\([^)]*\))?!?:|^(?:fix(?:es|ed)?|prevent|avoid|handle|guard against|work around|don't|do not|stop)\b/i;

export interface ParsedMessage {
  subject: string;
  body: string;
}

/** Subject is the first non-empty line; git trailers ("Signed-off-by:", "Co-authored-by:") and comment lines ("# …") are dropped. */
export function parseMessage(message: string): ParsedMessage {
  const lines = message
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((l) => !/^#(?!\d)/.test(l));
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return { subject: '', body: '' };
  const body = lines
    .slice(first + 1)
    .filter(
      (l) =>
        !/^(?:[A-Z][\w-]*-by|Change-Id|Reviewed-on|Tested-by|Acked-by|Cc|Signed-off-by|Co-authored-by|Bug|Test|Fixes|Closes):\s/.test(l) ||
        /^(?:Bug|Fixes|Closes):/i.test(l),
    )
    .join('\n')
    .trim();
  return { subject: lines[first].trim(), body };
}

export function isTrivialChange(size: ChangeSize | undefined, options: WhyOptions = {}): boolean {
  if (!size) return false;
  return size.lines < (options.minLines ?? DEFAULT_MIN_LINES) && size.files <= (options.maxTrivialFiles ?? DEFAULT_MAX_TRIVIAL_FILES);
}

/** Whether the text states a reason (exported for the evaluation and for tests). */
export function givesWhy(message: string): boolean {
  const { subject, body } = parseMessage(maskCode(message));
  if (FIX_SUBJECT.test(subject)) return true;
  const text = `${subject}\n${body}`;
  return WHY_SIGNALS.some((signal) => signal.test(text));
}

/**
 * A hint when a message for a non-trivial change says what changed but not why. Never for trivial
 * changes, merges, reverts, release or dependency bumps, fixups, or typo/format-only commits.
 * Returns an `info` finding (never blocking) over the subject line, or nothing.
 */
export function checkWhy(message: string, options: WhyOptions = {}): WhyFinding | undefined {
  const { subject } = parseMessage(message);
  if (subject === '') return undefined;
  if (isTrivialChange(options.size, options)) return undefined;
  if (EXEMPT_SUBJECT.test(subject) || /^This reverts commit [0-9a-f]{7,}/m.test(message)) return undefined;
  if (givesWhy(message)) return undefined;
  const start = message.indexOf(subject);
  const size = options.size ? ` (${options.size.files} files, ${options.size.lines} lines)` : '';
  return {
    rule: 'missing-why',
    severity: 'info',
    message:
      `This ${options.noun ?? 'message'} says what changed${size} but not why. A line on the problem or the goal ("because …", "so that …", ` +
      'or the issue it fixes) is what a reviewer and a future reader of the history need most.',
    start,
    end: start + subject.length,
    words: subject,
  };
}
