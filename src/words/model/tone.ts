import { LEXICON, type LexiconEntry, type ToneCategory } from './lexicon';
import { findProfanity } from './profanity';

export interface ToneHit {
  category: ToneCategory;
  start: number;
  end: number;
  words: string;
  why: string;
  replace?: string;
  /** The words are about the writer's own work ("my stupid typo"): no one else is hurt. */
  selfDirected: boolean;
}

interface Compiled {
  entry: LexiconEntry;
  regex: RegExp;
  stems: string[];
}

let compiled: Compiled[] | undefined;

function lexicon(): Compiled[] {
  compiled ??= LEXICON.map((entry) => ({
    entry,
    regex: new RegExp(entry.pattern, 'gi'),
    stems: entry.stems.split(' ').filter((s) => s !== ''),
  }));
  return compiled;
}

/** "my stupid typo", "I was lazy", "sorry, my bad, that was dumb of me". */
function isSelfDirected(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start).toLowerCase();
  const after = text.slice(end, end + 20).toLowerCase();
  if (/\b(?:you|your|you're|whoever|who)\b/.test(before)) return false;
  return (
    /\b(?:my|mine|myself|our|(?:i|we)(?:'m|'re|\s+am|\s+are|\s+was|\s+were|'ve\s+been|\s+have\s+been)(?:\s+being)?)\s+(?:(?:own|very|really|so|a|an|bit|little|quite|totally|pretty|kinda|such)\s+){0,3}$/.test(
      before,
    ) ||
    /^\s+(?:of\s+me|on\s+my\s+part|mistake\s+(?:of\s+)?(?:mine|on\s+my\s+part))\b/.test(after) ||
    /\bsorry\b[^.!?]*$/.test(before)
  );
}

/**
 * Every tone hit in already-masked text, in order, without overlaps (the first and longest wins).
 * Profanity from the npm list is added where no domain entry already matched.
 */
export function scanTone(masked: string): ToneHit[] {
  const hits: ToneHit[] = [];
  const lower = masked.toLowerCase();
  {
    for (const { entry, regex, stems } of lexicon()) {
      // Most comments contain none of an entry's stems: skip the regular expression then.
      if (!stems.some((stem) => lower.includes(stem))) continue;
      regex.lastIndex = 0;
      for (const match of masked.matchAll(regex)) {
        const raw = match[0];
        const lead = raw.length - raw.trimStart().length;
        const words = raw.trim();
        if (words === '') continue;
        const start = (match.index ?? 0) + lead;
        const end = start + words.length;
        hits.push({
          category: entry.category,
          start,
          end,
          words,
          why: entry.why,
          replace: entry.replace,
          selfDirected: entry.category === 'insult' && isSelfDirected(masked, start, end),
        });
      }
    }
  }
  for (const { start, end } of findProfanity(masked)) {
    if (hits.some((h) => h.start < end && start < h.end)) continue;
    hits.push({
      category: 'profanity',
      start,
      end,
      words: masked.slice(start, end),
      why: 'is swearing; in a review it reads as anger at the author',
      selfDirected: false,
    });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ToneHit[] = [];
  for (const hit of hits) {
    const previous = out[out.length - 1];
    if (previous && hit.start < previous.end) continue;
    out.push(hit);
  }
  return out;
}
