import { parseLabel } from './label';
import { maskCode } from './mask';

export type CommentRule = 'absolute-wording' | 'request-without-reason' | 'missing-label' | 'nitpick-blocking' | 'shouting';

export interface CommentFinding {
  rule: CommentRule;
  /** One line that explains itself. */
  message: string;
  /** Offsets into the comment for the words at fault; absent when the whole comment is meant. */
  start?: number;
  end?: number;
}

/** Words that make a suggestion sound like an order or the author look slow. */
const ABSOLUTE_PATTERNS: { pattern: RegExp; why: string }[] = [
  {
    pattern:
      /\bjust\b(?!\s+(?:in case|now|to (?:confirm|check|clarify|make sure|double-check|be sure)|saw|noticed|realized|realised|wondering|curious|a thought))/gi,
    why: 'makes the work sound trivial',
  },
  { pattern: /\b(?:obviously|clearly|simply|of course)\b/gi, why: 'implies the author should have known' },
  { pattern: /(?:^|[.!?:]\s+|\n\s*|\b(?:you\s+)?(?:should|must)\s+)(always|never)\b/gi, why: 'states a rule without room for context' },
  { pattern: /\bwhy (?:didn't|did not|wouldn't|would|don't|do not) you\b/gi, why: 'can read as blame; ask about the reasoning instead' },
  { pattern: /\byou (?:should|need to|must|have to)\b/gi, why: 'reads as an order from a reviewer' },
  {
    pattern: /(?:^|\b(?:is|are|was|'s|’s|looks|totally|completely|all|plain|simply|just)\s+)wrong\b/gi,
    why: 'judges instead of describing the problem',
  },
];

const REQUEST_PATTERN =
  /(?:^|[.!?]\s+|\n\s*)(?:(?:please|just|simply|maybe|perhaps)\s+)?(?:change|use|rename|remove|delete|add|move|extract|replace|split|avoid|don't|do not|make|fix|switch|inline|drop|wrap|return|throw|handle|call|convert|prefer|consider|revert|update|pass|check|put|get rid of)\b|\b(?:you (?:should|need to|must|have to)|please|should be|needs to be|must be|has to be|shouldn't|should not)\b/i;

const REASON_PATTERN =
  /\b(?:because|so (?:that|the|it|we|they|you|this|callers|users)|since|otherwise|as it|as this|as that|as the|to avoid|to keep|to make sure|to prevent|to match|which (?:means|would|will|makes)|due to|per|according to|see|e\.g\.|for example|for consistency|this way|that way|it would|it will|it'll|it's|in order to|keeps|makes|avoids|prevents|helps|saves|reduces|hides|breaks|leaks|fails|causes|easier|simpler|clearer|safer|faster|cheaper)\b|https?:\/\/|#\d+|\b(?:lint rule|style guide|guideline|convention|ADR|RFC)\b/i;

/** Uppercase words that are names, not shouting. */
const ACRONYMS = new Set([
  'HTTP',
  'HTTPS',
  'JSON',
  'YAML',
  'HTML',
  'UUID',
  'TODO',
  'FIXME',
  'NOTE',
  'README',
  'CORS',
  'CSRF',
  'OAUTH',
  'REST',
  'AJAX',
  'SAML',
  'LGTM',
  'NULL',
  'TRUE',
  'FALSE',
  'GRPC',
  'HTTP2',
  'UTF',
  'ASCII',
  'SQL',
  'CRUD',
  'JWT',
  'TLS',
  'SSL',
  'XML',
  'CSV',
  'PTAL',
  'WIP',
  'IIRC',
  'AFAIK',
  'IMHO',
  'FYI',
  'NPM',
  'AWS',
  'GCP',
  'MVP',
  'SDK',
  'CLI',
  'URL',
  'URI',
  'DOM',
  'RFC',
  'SEMVER',
  'NOOP',
  'ENOENT',
  'EOF',
  'GET',
  'POST',
  'PATCH',
  'DELETE',
  'HEAD',
  'SHA',
  'ASAP',
]);

/** Labels that ask for a change by themselves; an issue or nitpick may just describe a problem. */
const REQUEST_LABELS = new Set(['suggestion', 'todo', 'chore']);
const QUIET_LABELS = new Set(['praise', 'question', 'thought', 'note']);

/** A label to propose when the comment has none: a guess from its shape. */
export function suggestLabel(text: string): string {
  const masked = maskCode(text).trim();
  if (/^nit\b/i.test(masked)) return 'nitpick (non-blocking):';
  if (/\?\s*$/.test(masked)) return 'question:';
  if (
    !REQUEST_PATTERN.test(masked) &&
    /\b(?:nice|great|love|thanks|thank you|well done|neat|clean|good call|good catch|elegant|clever)\b/i.test(masked)
  )
    return 'praise:';
  return 'suggestion:';
}

/**
 * Checks one review comment. English only, offline, deliberately conservative: code spans, fenced
 * code and quoted lines are masked first, and questions are not treated as requests.
 */
export function checkComment(text: string): CommentFinding[] {
  const findings: CommentFinding[] = [];
  const masked = maskCode(text);
  if (masked.trim() === '') return findings;
  const label = parseLabel(masked);
  // Mask again so a quote right after the label ("praise: > …") counts as a quote line.
  const body = label ? maskCode(masked.slice(label.prefixLength)) : masked;
  const bodyOffset = label ? label.prefixLength : 0;

  for (const { pattern, why } of ABSOLUTE_PATTERNS) {
    for (const match of body.matchAll(pattern)) {
      // Report the word itself, not the sentence boundary the pattern needed to see.
      const word = (match[1] ?? match[0]).trim();
      const start = bodyOffset + (match.index ?? 0) + match[0].lastIndexOf(word);
      findings.push({
        rule: 'absolute-wording',
        message: `"${text.slice(start, start + word.length)}" ${why}.`,
        start,
        end: start + word.length,
      });
    }
  }

  const isQuestion = /\?\s*$/.test(body.trim()) || (label !== undefined && QUIET_LABELS.has(label.label));
  const isRequest = !isQuestion && ((label !== undefined && REQUEST_LABELS.has(label.label)) || REQUEST_PATTERN.test(body));
  if (isRequest && !REASON_PATTERN.test(body)) {
    findings.push({
      rule: 'request-without-reason',
      message: 'Asks for a change without saying why; add "because …" or link the rule it follows.',
    });
  }

  if (!label || label.label === 'nit') {
    findings.push({
      rule: 'missing-label',
      message: `No Conventional Comments label; start with one such as "${suggestLabel(text)}" so the author knows how much it matters.`,
      start: 0,
      end: 0,
    });
  }
  if (label && (label.label === 'nitpick' || label.label === 'nit') && !label.decorations.includes('non-blocking')) {
    findings.push({
      rule: 'nitpick-blocking',
      message: 'A nitpick without "(non-blocking)" can hold up a merge; mark it "nitpick (non-blocking):".',
      start: 0,
      end: label.prefixLength,
    });
  }

  const capitals = [...masked.matchAll(/\b[A-Z]{4,}\b/g)].filter((m) => !ACRONYMS.has(m[0]));
  if (capitals.length > 0) {
    const start = capitals[0].index ?? 0;
    const last = capitals[capitals.length - 1];
    const words = capitals.map((m) => m[0]).join(', ');
    findings.push({ rule: 'shouting', message: `Capitals (${words}) read as shouting.`, start, end: (last.index ?? 0) + last[0].length });
  }
  const punctuation = /[!?]{2,}|!(?=[^!]*![^!]*!)/.exec(masked);
  if (punctuation) {
    findings.push({
      rule: 'shouting',
      message: 'Repeated "!" or "?" reads as a raised voice.',
      start: punctuation.index,
      end: punctuation.index + punctuation[0].length,
    });
  }
  return findings;
}
