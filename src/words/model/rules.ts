import type { Finding, TextEdit } from './findings';
import { parseLabel } from './label';
import { maskCode, maskNames, maskNamesIn } from './mask';
import { scanTone } from './tone';

export type CommentRule =
  | 'insult'
  | 'profanity'
  | 'condescension'
  | 'sarcasm'
  | 'shouting'
  | 'absolute-wording'
  | 'request-without-reason'
  | 'missing-label'
  | 'nitpick-blocking';

export type CommentFinding = Finding<CommentRule>;

/** The rules that weigh tone; a `warning` from one of them is a "flag" in the benchmark. */
export const TONE_RULES: readonly CommentRule[] = ['insult', 'profanity', 'condescension', 'sarcasm', 'shouting', 'absolute-wording'];

export interface CommentCheckOptions {
  /**
   * Conventional Comments (`<label> [decorations]: <subject>`):
   * - `off` (default): no label checks; a comment that already starts with "nit:" only gets a quiet
   *   suggestion to say whether it blocks;
   * - `suggest`: a quiet (info) suggestion of a label;
   * - `require`: the team has opted in (setting or `.multiplier/config.json`): a missing label and
   *   an un-labelled nitpick are warnings.
   */
  conventionalComments?: 'off' | 'suggest' | 'require';
}

/** Words that make a suggestion sound like an order or the work sound trivial: quiet suggestions. */
const ABSOLUTE_PATTERNS: { pattern: RegExp; why: string; drop?: boolean; severity?: 'warning' }[] = [
  {
    pattern:
      /\bjust\b(?!\s+(?:in case|now|to (?:confirm|check|clarify|make sure|double-check|be sure)|saw|noticed|realized|realised|wondering|curious|a thought|a nit|a minor|a small|a quick|one|fyi|pushed|updated|rebased|fixed|added|tried|tested|ran|merged|found|checked|a heads|like|as|because|before|after|about|enough|the same|once|ignore|for))/gi,
    why: 'makes the work sound trivial',
    drop: true,
  },
  {
    pattern: /\b(?:simply|clearly|of course)\b(?!\s+(?:put|speaking|stated|means?))/gi,
    why: 'implies the author should have known',
    drop: true,
  },
  {
    pattern: /\byou\s+(?:always|never|constantly|keep)\b|\bevery\s+single\s+time\b/gi,
    why: 'generalises about the person from one change',
    severity: 'warning',
  },
  { pattern: /(?:^|[.!?:]\s+|\n\s*|\b(?:should|must)\s+)(always|never)\b/gi, why: 'states a rule without room for context' },
  { pattern: /\bwhy (?:didn't|did not|wouldn't|don't|do not) you\b/gi, why: 'can read as blame; ask about the reasoning instead' },
  { pattern: /\byou (?:should|need to|must|have to)\b/gi, why: 'reads as an order from a reviewer' },
  {
    pattern: /(?:^|\b(?:is|are|was|'s|’s|looks|totally|completely|all|plain|simply|just|dead)\s+)wrong\b/gi,
    why: 'judges instead of describing the problem',
  },
];

const REQUEST_PATTERN =
  /(?:^|[.!?]\s+|\n\s*)(?:(?:please|just|simply|maybe|perhaps)\s+)?(?:change|use|rename|remove|delete|add|move|extract|replace|split|avoid|don't|do not|make|fix|switch|inline|drop|wrap|return|throw|handle|call|convert|prefer|consider|revert|update|pass|check|put|get rid of)\b|\b(?:you (?:should|need to|must|have to)|please|should be|needs to be|must be|has to be|shouldn't|should not)\b/i;

const REASON_PATTERN =
  /\b(?:because|so (?:that|the|it|we|they|you|this|callers|users)|since|otherwise|as it|as this|as that|as the|to avoid|to keep|to make sure|to prevent|to match|which (?:means|would|will|makes)|due to|per|according to|see|e\.g\.|for example|for consistency|this way|that way|it would|it will|it'll|it's|in order to|keeps|makes|avoids|prevents|helps|saves|reduces|hides|breaks|leaks|fails|causes|easier|simpler|clearer|safer|faster|cheaper)\b|https?:\/\/|#\d+|\b(?:lint rule|style guide|guideline|convention|ADR|RFC)\b/i;

/** Uppercase words that are names, not shouting. */
const ACRONYMS = new Set(
  (
    'HTTP HTTPS JSON YAML HTML UUID TODO FIXME NOTE README CORS CSRF OAUTH REST AJAX SAML LGTM NULL TRUE FALSE GRPC HTTP2 UTF ASCII ' +
    'SQL CRUD JWT TLS SSL XML CSV PTAL WIP IIRC AFAIK IMHO IMO FYI NPM AWS GCP MVP SDK CLI URL URI DOM RFC SEMVER NOOP ENOENT EOF GET ' +
    'POST PATCH DELETE HEAD SHA ASAP API APIS CPU GPU RAM ROM SSD NFS DNS TCP UDP SSH MIME UTF8 UTF16 AST JVM JIT GC OOM NPE CI CD ' +
    'PR PRS MR DB ID IDS OK TBD TBH BTW NB PS UI UX OS IO SIGKILL SIGTERM SIGINT EINTR EAGAIN ENOMEM EPERM MUST SHOULD SHALL MAY ' +
    'RECOMMENDED OPTIONAL REQUIRED NOT AND OR XOR NAN INF MAX MIN ANSI POSIX LTS ABI ARM X86 AMD64 UNIX LINUX WINDOWS MACOS IOS ' +
    'JSONB CSS SCSS PNG JPEG JPG SVG PDF GIF ZIP TAR WASM IPC RPC SMTP IMAP LDAP SAML OIDC SSO MFA TOTP HMAC AES RSA ECDSA MD5 SHA1 ' +
    'SHA256 CVE XSS SQLI RCE DOS DDOS ACL RBAC IAM VPC VPN K8S EKS GKE AKS LRU FIFO LIFO BFS DFS ORM DTO DAO MVC MVVM SPA SSR CSR ' +
    'QA E2E TDD BDD DRY KISS YAGNI SOLID WONTFIX NACK ACK RFC2119 README CHANGELOG LICENSE MAINTAINERS CODEOWNERS'
  ).split(' '),
);

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

function toneMessage(rule: CommentRule, words: string, why: string, selfDirected: boolean): string {
  if (selfDirected) return `"${words}" about your own work still sets the tone for the thread; describe what you will change instead.`;
  const lead = rule === 'profanity' || rule === 'sarcasm' ? `"${words}"` : `"${words}"`;
  return `${lead} ${why}.`;
}

/** The sentence of `body` that holds the request, as offsets into the whole text. */
function requestSentence(body: string, offset: number): { start: number; end: number } {
  const match = REQUEST_PATTERN.exec(body);
  const at = match ? match.index + match[0].length - 1 : 0;
  const startMatch = /[^.!?\n]*$/.exec(body.slice(0, at + 1));
  let start = startMatch ? startMatch.index : 0;
  start += body.slice(start).length - body.slice(start).trimStart().length;
  const end = /[.!?](\s|$)|\n/.exec(body.slice(start));
  return { start: offset + start, end: offset + start + (end ? end.index + 1 : body.slice(start).trimEnd().length) };
}

/**
 * Checks one review comment. English only, offline. Code spans, fenced code, quoted lines, URLs,
 * @mentions and identifiers are masked first; questions are not treated as requests.
 * Findings come in text order; tone problems are `warning`, style suggestions `info`.
 */
export function checkComment(text: string, options: CommentCheckOptions = {}): CommentFinding[] {
  const findings: CommentFinding[] = [];
  const masked = maskCode(text);
  if (masked.trim() === '') return findings;
  const label = parseLabel(masked);
  // Mask again so a quote right after the label ("praise: > …") counts as a quote line.
  const bodyOffset = label ? label.prefixLength : 0;
  const body = label ? maskCode(masked.slice(bodyOffset)) : masked;
  const names = maskNamesIn(masked);
  const toneText = label ? ' '.repeat(bodyOffset) + maskNames(text.slice(bodyOffset)) : names;

  // Tone: insults, profanity, condescension, sarcasm.
  for (const hit of scanTone(toneText)) {
    const rule: CommentRule = hit.category;
    const edits: TextEdit[] | undefined =
      hit.replace !== undefined && !hit.selfDirected ? [{ start: hit.start, end: hit.end, text: hit.replace }] : undefined;
    findings.push({
      rule,
      severity: hit.selfDirected ? 'info' : 'warning',
      message: toneMessage(rule, text.slice(hit.start, hit.end), hit.why, hit.selfDirected),
      start: hit.start,
      end: hit.end,
      words: text.slice(hit.start, hit.end),
      edits,
    });
  }
  const covered = (start: number, end: number, all = true): boolean =>
    findings.some((f) => f.start < end && start < f.end && (all || f.severity === 'warning'));

  // Absolute wording and minimisers.
  for (const { pattern, why, drop, severity } of ABSOLUTE_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of toneText.slice(bodyOffset).matchAll(pattern)) {
      // Report the word itself, not the sentence boundary the pattern needed to see.
      const word = (match[1] ?? match[0]).trim();
      const start = bodyOffset + (match.index ?? 0) + match[0].lastIndexOf(word);
      const end = start + word.length;
      if (covered(start, end)) continue;
      findings.push({
        rule: 'absolute-wording',
        severity: severity ?? 'info',
        message: `"${text.slice(start, end)}" ${why}.`,
        start,
        end,
        words: text.slice(start, end),
        edits: drop ? [{ start, end, text: '' }] : undefined,
      });
    }
  }

  // Orders without a reason: a quiet suggestion, since many fine comments are short requests.
  const isQuestion = /\?\s*$/.test(body.trim()) || (label !== undefined && QUIET_LABELS.has(label.label));
  const isRequest = !isQuestion && ((label !== undefined && REQUEST_LABELS.has(label.label)) || REQUEST_PATTERN.test(body));
  if (isRequest && !REASON_PATTERN.test(body)) {
    const range = requestSentence(body, bodyOffset);
    findings.push({
      rule: 'request-without-reason',
      severity: 'info',
      message: 'Asks for a change without saying why; a reason ("because …") or a question lets the author weigh it.',
      start: range.start,
      end: range.end,
      words: text.slice(range.start, range.end),
    });
  }

  // Shouting: a run of capitalised words is a raised voice; a single capitalised word or "!!" is emphasis.
  const shouted = [...toneText.matchAll(/\b[A-Z][A-Z']{2,}\b(?:[\s,]+\b[A-Z][A-Z']{1,}\b)+|\b[A-Z]{4,}\b/g)].filter((m) => {
    const words = m[0].split(/[\s,]+/).filter((w) => !ACRONYMS.has(w.replace(/'S$/, '')));
    return words.length > 0 && words.some((w) => w.length >= 3);
  });
  for (const match of shouted) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (covered(start, end, false)) continue;
    const run = match[0].split(/[\s,]+/).filter((w) => !ACRONYMS.has(w)).length >= 2;
    findings.push({
      rule: 'shouting',
      severity: run ? 'warning' : 'info',
      message: run
        ? `"${match[0]}" in capitals reads as shouting.`
        : `"${match[0]}" in capitals reads as a raised voice; italics say it more calmly.`,
      start,
      end,
      words: match[0],
      edits: [{ start, end, text: match[0].toLowerCase() }],
    });
  }
  for (const match of toneText.matchAll(/[!?]*(?:!!|\?\?|\?!|!\?)[!?]*/g)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    findings.push({
      rule: 'shouting',
      severity: 'info',
      message: 'Repeated "!" or "?" reads as a raised voice.',
      start,
      end,
      words: match[0],
      edits: [{ start, end, text: match[0].includes('?') ? '?' : '.' }],
    });
  }

  // Conventional Comments, only as the team wants them.
  const labels = options.conventionalComments ?? 'off';
  if (labels !== 'off' && (!label || label.label === 'nit')) {
    const guess = suggestLabel(text);
    findings.push({
      rule: 'missing-label',
      severity: labels === 'require' ? 'warning' : 'info',
      message: `No Conventional Comments label; starting with one such as "${guess}" tells the author how much it matters.`,
      start: 0,
      end: 0,
      words: '',
      edits: label ? [{ start: 0, end: label.prefixLength, text: `${guess} ` }] : [{ start: 0, end: 0, text: `${guess} ` }],
    });
  }
  if (label && (label.label === 'nitpick' || label.label === 'nit') && !label.decorations.includes('non-blocking')) {
    {
      findings.push({
        rule: 'nitpick-blocking',
        severity: labels === 'require' ? 'warning' : 'info',
        message: 'A nitpick that does not say "(non-blocking)" can hold up a merge; mark it "nitpick (non-blocking):".',
        start: 0,
        end: label.prefixLength,
        words: text.slice(0, label.prefixLength),
        edits: [{ start: 0, end: label.prefixLength, text: 'nitpick (non-blocking): ' }],
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The tone problems a reader will feel: what the benchmark counts as a flag. */
export function toneFlags(findings: readonly CommentFinding[]): CommentFinding[] {
  return findings.filter((f) => f.severity === 'warning' && TONE_RULES.includes(f.rule));
}
