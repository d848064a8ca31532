import { profaneWords } from '@2toad/profanity';

/**
 * Profanity from the English list of @2toad/profanity (MIT, no dependencies, bundled: no network).
 * Chosen over obscenity, leo-profanity and bad-words on our corpus and timing (BENCHMARKS.md,
 * "Words that weigh"): it is the fastest (a few µs a comment), and the list is plain words we can
 * match with our own word boundaries and positions.
 *
 * Words that are ordinary in code review or are names stay out: chess engines have pawns, forms have
 * a sex field, statistics has Cox models, and "balls", "butt" and "homo" (homogeneous) are technical.
 */
const TECHNICAL = new Set([
  'pawn',
  'sex',
  'cox',
  'wang',
  'balls',
  'butt',
  'butts',
  'bum',
  'homo',
  'lust',
  'nob',
  'cipa',
  'dink',
  'dinks',
  'spac',
  'jap',
  'willy',
  'hoes',
  's hit',
  'kock',
  'cok',
  'fanny',
  'dick',
  'hore',
  'hoar',
  'pron',
  'teez',
  'cum',
  'cums',
  'kum',
  'kums',
  'muff',
  'nazi',
]);

let cached: Set<string> | undefined;

/** The list as a set of lower-case words (single words only). */
export function profaneWordSet(): Set<string> {
  if (cached) return cached;
  cached = new Set((profaneWords.get('en') ?? []).map((w) => w.toLowerCase()).filter((w) => !TECHNICAL.has(w) && !/\s/.test(w)));
  return cached;
}

export interface WordHit {
  start: number;
  end: number;
}

/**
 * Every listed word in the text, on word boundaries. One pass over the tokens with a set lookup:
 * a regular expression of 400 alternatives costs over 100 µs a comment, this a few.
 */
export function findProfanity(text: string): WordHit[] {
  const words = profaneWordSet();
  const hits: WordHit[] = [];
  for (const m of text.matchAll(/[\w$!@+*-]+/g)) {
    let token = m[0];
    let start = m.index ?? 0;
    // Punctuation around a word is not part of it ("shit!", "-crap-"), but inside it may be ("sh!t", "a$$").
    const lead = /^[!*@+-]+/.exec(token)?.[0].length ?? 0;
    token = token.slice(lead);
    start += lead;
    const word = token.toLowerCase();
    if (words.has(word)) {
      hits.push({ start, end: start + token.length });
      continue;
    }
    const bare = word.replace(/[!*@+-]+$/, '');
    if (bare !== word && words.has(bare)) hits.push({ start, end: start + bare.length });
  }
  return hits;
}
