import type { Finding } from './findings';
import { maskCode } from './mask';

/**
 * The blame check for retro notes (after a revert, a hotfix or a failed release): wording that
 * looks for a culprit instead of a cause. A blameless review asks what made the mistake easy to
 * make; each finding comes with a blameless rewrite or a question to ask instead.
 */

export type BlameRule = 'blame';
export type BlameFinding = Finding<BlameRule>;

export interface BlameOptions {
  /** People who took part; a sentence that names one of them as the cause is flagged. */
  participants?: readonly string[];
}

interface BlamePattern {
  pattern: RegExp;
  why: string;
  /** Replacement for the matched words ('' drops them); absent: only a question is offered. */
  replace?: string | ((m: RegExpExecArray) => string);
  question: string;
}

const PATTERNS: BlamePattern[] = [
  {
    pattern: /\bwho\s+(?:broke|caused|pushed|merged|approved|deployed|shipped|introduced|wrote|missed|forgot)\b/gi,
    why: 'looks for a person instead of a cause',
    replace: (m) => `what ${m[0].split(/\s+/)[1].toLowerCase()}`,
    question: 'What change or condition led to this, and what made it hard to catch?',
  },
  {
    pattern: /\b(?:should(?:n't| not)?|could|would)\s+have\s+(?:been\s+)?\w+(?:ed|en|wn|t)?\b/gi,
    why: 'judges a past choice with hindsight the person did not have',
    question: 'What did the person know at the time, and what would have made the safer choice the easy one?',
  },
  {
    pattern:
      /\b(?:careless(?:ly|ness)?|negligen(?:t|ce|tly)|sloppy|sloppiness|lazy|laziness|incompeten(?:t|ce)|reckless(?:ly|ness)?|irresponsibl[ey]|stupid(?:ity)?|dumb|idiot(?:ic)?)\b/gi,
    why: 'describes a person, not the system that let the mistake through',
    replace: '',
    question: 'Which check, test or review step would have caught this?',
  },
  {
    pattern: /\bhuman\s+errors?\b|\boperator\s+errors?\b|\buser\s+errors?\b|\bpilot\s+errors?\b|\bhuman\s+mistakes?\b/gi,
    why: 'stops at the person; the useful question is what made the error easy to make',
    replace: 'a gap in our process',
    question: 'What in the tooling or process made this error easy to make?',
  },
  {
    pattern:
      /\b(?:(?:his|her|their|your|my|someone's|somebody's)\s+fault|at\s+fault|to\s+blame|(?:the\s+)?blame\s+(?:lies|is|goes)|(?:is|was|are|were)\s+responsible\s+for\s+(?:the|this)\s+(?:outage|incident|failure|breakage|bug|mess|problem))\b/gi,
    why: 'assigns fault; a retro looks for causes, and people speak freely only when no one is blamed',
    question: 'What conditions made this outcome likely?',
  },
  {
    pattern: /\b(?:failed|forgot|neglected|didn't\s+bother|did\s+not\s+bother|ignored|refused)\s+to\b/gi,
    why: 'frames a gap in the process as a personal failing',
    question: 'What would have reminded anyone in that role to do it (a checklist, a test, an alert)?',
  },
  {
    pattern: /\bbroke\s+(?:the\s+)?(?:build|prod|production|main|master|release|deploy(?:ment)?|site|app)\b/gi,
    why: 'names the breaking as an act; describe what changed and how it reached production',
    question: 'How did this change reach production without a check catching it?',
  },
];

/** Subjects that are people, not systems ("the job failed to start" is fine). */
const PERSON_SUBJECT =
  /\b(?:he|she|they|you|i|we|someone|somebody|the (?:developer|dev|engineer|author|reviewer|on-?call|intern|new hire|contractor|team))\s+(?:\w+\s+)?$/i;

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Flags blame wording in a retro note; offsets are into `text`. */
export function checkBlame(text: string, options: BlameOptions = {}): BlameFinding[] {
  const masked = maskCode(text);
  const findings: BlameFinding[] = [];
  const add = (start: number, end: number, why: string, question: string, replacement?: string): void => {
    if (findings.some((f) => f.start < end && start < f.end)) return;
    const words = text.slice(start, end);
    findings.push({
      rule: 'blame',
      severity: 'warning',
      message: `"${words}" ${why}. Ask instead: ${question}`,
      start,
      end,
      words,
      edits: replacement !== undefined ? [{ start, end, text: replacement }] : undefined,
      rewrite: () => question,
    });
  };

  // A participant named as the cause: "Alice broke …", "because of Bob", "Carol's change caused …".
  for (const name of options.participants ?? []) {
    if (name.trim() === '') continue;
    const n = escape(name.trim());
    const cause = new RegExp(
      `\\b${n}(?:'s|’s)?\\s+(?:\\w+\\s+)?(?:broke|caused|introduced|forgot|missed|failed|messed|screwed|didn't|did not|should have|was responsible|is responsible)\\b|\\b(?:because of|thanks to|blame|fault of|caused by|due to)\\s+${n}\\b|\\b${n}(?:'s|’s)\\s+(?:fault|mistake|error|bad|screw-?up|mess)\\b`,
      'gi',
    );
    for (const m of masked.matchAll(cause)) {
      const start = m.index ?? 0;
      add(
        start,
        start + m[0].length,
        `names ${name} as the cause; in a blameless review people are participants, never causes`,
        'What sequence of events and conditions led here, and where could the system have stopped it?',
      );
    }
  }

  for (const { pattern, why, replace, question } of PATTERNS) {
    pattern.lastIndex = 0;
    for (const m of masked.matchAll(pattern)) {
      const start = m.index ?? 0;
      // "failed to start" is about a job unless a person is the subject.
      if (
        /^(?:failed|forgot|neglected|ignored|refused|didn't|did not)/i.test(m[0]) &&
        !PERSON_SUBJECT.test(masked.slice(Math.max(0, start - 40), start))
      )
        continue;
      if (/^broke/i.test(m[0]) && !PERSON_SUBJECT.test(masked.slice(Math.max(0, start - 40), start))) continue;
      const replacement = typeof replace === 'function' ? replace(m as unknown as RegExpExecArray) : replace;
      add(start, start + m[0].length, why, question, replacement);
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

/** The questions a blameless review answers, in order; the retro note template uses them. */
export const BLAMELESS_QUESTIONS: readonly string[] = [
  'What happened? (the timeline, in facts)',
  'What made it easy to happen? (conditions, tools, pressure, missing checks)',
  'What did we learn?',
  'What do we change? (owners and dates for each change)',
];
