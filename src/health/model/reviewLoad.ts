/**
 * Review load: how reviewing is spread across the team, from GitHub reviews of the pull requests
 * merged in the period. Pure. Shown as the team's pattern: people are listed alphabetically, never
 * ranked, and the figures are about balance (who could take on more, who carries too much).
 *
 * - A review is one person's participation in one pull request: several review submissions by the same
 *   person on the same PR count once. Reviews by the PR's author and by bots are left out.
 * - Who reviews whom: for each (reviewer, author) pair, the PRs by that author that reviewer reviewed.
 * - Busiest reviewer's share: the most reviews by one person ÷ all reviews, beside the even share
 *   (1 ÷ reviewers). A lead doing most reviews is a bottleneck, however fast they are.
 * - Time to first review, per reviewer: ready for review (opened, or marked ready) → that reviewer's
 *   first review of the PR; a review of the draft counts as 0. Median over the PRs they reviewed.
 */
import * as l10n from '@vscode/l10n';
import type { HealthInput } from './input';
import type { ResolvedOptions } from './options';
import { inPeriod, type Period } from './period';
import { insufficient, measured, measuredDistribution, type Distribution, type Measured } from './stats';

export interface ReviewPair {
  reviewer: string;
  author: string;
  reviews: number;
}

export interface ReviewerPattern {
  reviewer: string;
  reviews: number;
  firstReviewHours: Measured<Distribution>;
}

export interface ReviewLoadReport {
  /** Merged PRs in the period with GitHub data (bots' PRs left out). */
  pullRequests: number;
  /** Of those, PRs reviewed by at least one person other than the author. */
  reviewed: number;
  /** Every review counted (one per person per PR). */
  reviews: number;
  /** Logins of reviewers and authors, alphabetical: the axes of the who-reviews-whom matrix. */
  people: string[];
  /** Alphabetical by reviewer, then author. */
  pairs: ReviewPair[];
  /** `evenShare`: 1 ÷ the number of reviewers, the share each would have if reviews were spread evenly. */
  busiestShare: Measured<{ reviewer: string; reviews: number; total: number; share: number; evenShare: number }>;
  /** Alphabetical. */
  reviewers: ReviewerPattern[];
  /** Over every review: ready → each reviewer's first review. */
  firstReviewHours: Measured<Distribution>;
  /** Why there is nothing to show, when that is the case. */
  unavailable?: string;
  excluded: { bots: number; selfReviews: number; noGitHubData: number };
}

export function computeReviewLoad(input: HealthInput, period: Period, options: ResolvedOptions): ReviewLoadReport {
  const excluded = { bots: 0, selfReviews: 0, noGitHubData: 0 };
  const empty = (reason: string): ReviewLoadReport => ({
    pullRequests: 0,
    reviewed: 0,
    reviews: 0,
    people: [],
    pairs: [],
    busiestShare: insufficient(reason),
    reviewers: [],
    firstReviewHours: insufficient(reason),
    unavailable: reason,
    excluded,
  });
  if (!input.hasGitHubData) {
    return empty(l10n.t('review load needs GitHub reviews, which git history does not hold; sign in to GitHub to see it'));
  }

  const people = new Map<string, string>(); // lower-case → as spelled
  const spell = (login: string) => {
    const key = login.toLowerCase();
    if (!people.has(key)) people.set(key, login);
    return key;
  };
  const pairs = new Map<string, number>();
  const perReviewer = new Map<string, number[]>();
  const all: number[] = [];
  let pullRequests = 0;
  let reviewed = 0;

  for (const pr of input.pullRequests) {
    if (!inPeriod(period, pr.mergedAt)) continue;
    const gh = pr.github;
    if (!gh) {
      excluded.noGitHubData++;
      continue;
    }
    if (options.isBot(gh.author, '') || options.isBot(pr.authorName, pr.authorEmail)) {
      excluded.bots++;
      continue;
    }
    pullRequests++;
    const author = spell(gh.author);
    const ready = gh.readyAt ?? gh.openedAt;
    const first = new Map<string, number>();
    for (const review of gh.reviews) {
      const key = review.reviewer.toLowerCase();
      if (key === author) {
        excluded.selfReviews++;
        continue;
      }
      if (options.isBot(review.reviewer, '')) {
        excluded.bots++;
        continue;
      }
      spell(review.reviewer);
      const known = first.get(key);
      if (known === undefined || review.submittedAt < known) first.set(key, review.submittedAt);
    }
    if (first.size > 0) reviewed++;
    for (const [reviewer, at] of first) {
      const pair = `${reviewer}\0${author}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
      const hours = at <= ready ? 0 : options.hoursBetween(ready, at);
      all.push(hours);
      const list = perReviewer.get(reviewer);
      if (list) list.push(hours);
      else perReviewer.set(reviewer, [hours]);
    }
  }

  if (pullRequests === 0) {
    const none = empty(
      excluded.noGitHubData > 0
        ? l10n.t('none of the {0} pull requests merged in this period has GitHub data yet', excluded.noGitHubData)
        : l10n.t('no pull request was merged in this period'),
    );
    return { ...none, excluded };
  }

  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const pairList = [...pairs]
    .map(([key, reviews]) => {
      const [reviewer, author] = key.split('\0');
      return { reviewer: people.get(reviewer)!, author: people.get(author)!, reviews };
    })
    .sort((a, b) => byName(a.reviewer.toLowerCase(), b.reviewer.toLowerCase()) || byName(a.author.toLowerCase(), b.author.toLowerCase()));
  const total = all.length;
  let busiest: { reviewer: string; reviews: number } | undefined;
  for (const [reviewer, list] of [...perReviewer].sort((a, b) => byName(a[0], b[0]))) {
    if (!busiest || list.length > busiest.reviews) busiest = { reviewer: people.get(reviewer)!, reviews: list.length };
  }

  return {
    pullRequests,
    reviewed,
    reviews: total,
    people: [...people.keys()].sort(byName).map((key) => people.get(key)!),
    pairs: pairList,
    busiestShare:
      busiest === undefined
        ? insufficient(l10n.t('none of the {0} merged pull requests was reviewed by someone other than its author', pullRequests))
        : total < options.minSample
          ? insufficient(
              total === 1
                ? l10n.t('only 1 review in this period; {0} needed for a share', options.minSample)
                : l10n.t('only {0} reviews in this period; {1} needed for a share', total, options.minSample),
            )
          : measured({ ...busiest, total, share: busiest.reviews / total, evenShare: 1 / perReviewer.size }),
    reviewers: [...perReviewer]
      .sort((a, b) => byName(a[0], b[0]))
      .map(([reviewer, list]) => ({
        reviewer: people.get(reviewer)!,
        reviews: list.length,
        firstReviewHours: measuredDistribution(list, 1, 'reviews'),
      })),
    firstReviewHours: measuredDistribution(all, options.minSample, 'reviews'),
    excluded,
  };
}
