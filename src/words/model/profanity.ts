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

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let cached: RegExp | undefined;

/** One regular expression over the whole list, longest words first, matched on word boundaries. */
export function profanityPattern(): RegExp {
  if (cached) return cached;
  const words = (profaneWords.get('en') ?? []).filter((w) => !TECHNICAL.has(w.toLowerCase()));
  const alternatives = [...new Set(words.map((w) => w.toLowerCase()))].sort((a, b) => b.length - a.length).map(escape);
  cached = new RegExp(`(?<![\\w$*!@+])(?:${alternatives.join('|')})(?![\\w$*!@+])`, 'gi');
  return cached;
}
