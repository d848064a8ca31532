/**
 * Review-queue settings (`multiplier.review.*`) with their defaults, validated from whatever the
 * configuration returns. Pure: the editor layer passes a getter.
 */
import { botAuthorList, botMatcher, type BotMatcher } from '../../core/bots';

export interface HygieneThresholds {
  /** Changed lines (additions + deletions) above which a PR is "too big". */
  tooBigLines: number;
  /** Shorter descriptions (after removing template comments) count as "no description". */
  minDescriptionLength: number;
  /** Changes requested and no push since, for this many days. */
  changesRequestedDays: number;
  /** A draft not updated for this many days. */
  draftUntouchedDays: number;
}

export interface ReviewSettings {
  /** Pickup target in business hours (LinearB "elite" pickup: under 7 h). */
  targetHours: number;
  /** At or under this many changed lines a PR is a quick win. */
  smallLines: number;
  hygiene: HygieneThresholds;
  /** `multiplier.botAuthors`: extra bot logins besides anything ending in `[bot]`. */
  botAuthors: string[];
  statusBarHideWhenEmpty: boolean;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  targetHours: 7,
  smallLines: 50,
  hygiene: { tooBigLines: 400, minDescriptionLength: 10, changesRequestedDays: 3, draftUntouchedDays: 14 },
  botAuthors: [],
  statusBarHideWhenEmpty: true,
};

function num(value: unknown, fallback: number, min: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback;
}

/**
 * `get('targetHours')` reads `multiplier.review.targetHours`; invalid values fall back to defaults.
 * `bots` is the shared `multiplier.botAuthors` list.
 */
export function readReviewSettings(get: (key: string) => unknown, bots: unknown): ReviewSettings {
  const d = DEFAULT_REVIEW_SETTINGS;
  const hide = get('statusBar.hideWhenEmpty');
  return {
    targetHours: num(get('targetHours'), d.targetHours, 0.25),
    smallLines: num(get('smallLines'), d.smallLines, 0),
    hygiene: {
      tooBigLines: num(get('hygiene.tooBigLines'), d.hygiene.tooBigLines, 1),
      minDescriptionLength: num(get('hygiene.minDescriptionLength'), d.hygiene.minDescriptionLength, 0),
      changesRequestedDays: num(get('hygiene.changesRequestedDays'), d.hygiene.changesRequestedDays, 0),
      draftUntouchedDays: num(get('hygiene.draftUntouchedDays'), d.hygiene.draftUntouchedDays, 0),
    },
    botAuthors: Array.isArray(bots) ? botAuthorList(bots) : d.botAuthors,
    statusBarHideWhenEmpty: typeof hide === 'boolean' ? hide : d.statusBarHideWhenEmpty,
  };
}

// One matcher per settings list: ranking asks for every pull request.
const matchers = new WeakMap<readonly string[], BotMatcher>();

export function isBot(login: string, botAuthors: readonly string[]): boolean {
  let matcher = matchers.get(botAuthors);
  if (!matcher) matchers.set(botAuthors, (matcher = botMatcher(botAuthors)));
  return matcher(login, '');
}
