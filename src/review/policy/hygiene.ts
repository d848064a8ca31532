/**
 * Hygiene flags: the habits that make reviews slow, each with a threshold from settings.
 * Pure. A flag is a fact about the PR, not a judgement of its author.
 */
import * as l10n from '@vscode/l10n';
import { translatedTable } from '../../core/translatedTable';
import { linesChanged, sameLogin, type PullRequest } from '../model/pullRequest';
import type { HygieneThresholds } from '../model/settings';

export type HygieneFlagId =
  'stale' | 'too-big' | 'no-description' | 'no-why' | 'no-reviewers' | 'changes-requested-unaddressed' | 'draft-untouched';

export interface HygieneFlag {
  id: HygieneFlagId;
  /** Short plain text for descriptions and tooltips. */
  label: string;
}

/** A flag's compact form for a narrow tree row, and what to do about it (overview, tooltip). */
export const FLAG_GUIDE = translatedTable<HygieneFlagId, { short: string; advice: string }>(() => ({
  stale: {
    short: l10n.t('late'),
    advice: l10n.t('It has waited past the review target. A first look now, even a short one, unblocks the author.'),
  },
  'too-big': {
    short: l10n.t('big'),
    advice: l10n.t('Large changes get shallow reviews. Ask whether part of it could land on its own first.'),
  },
  'no-description': {
    short: l10n.t('no description'),
    advice: l10n.t('Ask what the change does and why before reading the diff; the answer belongs in the description.'),
  },
  'no-why': { short: l10n.t('no why'), advice: l10n.t('The description says what changes, not why. Ask what problem it solves.') },
  'no-reviewers': {
    short: l10n.t('no reviewers'),
    advice: l10n.t('Nobody was asked to review, so it can wait unseen. Request a reviewer.'),
  },
  'changes-requested-unaddressed': {
    short: l10n.t('changes waiting'),
    advice: l10n.t('Changes were requested and nothing was pushed since. Check in: is something blocking the author?'),
  },
  'draft-untouched': {
    short: l10n.t('old draft'),
    advice: l10n.t('A draft nobody touched for a while: finish it or close it, so the queue stays honest.'),
  },
}));

export interface HygieneContext {
  now: number;
  /** Business hours this PR has waited for (first) review; undefined when not waiting. */
  waitHours?: number;
  targetHours: number;
  thresholds: HygieneThresholds;
}

const DAY = 24 * 60 * 60 * 1000;

/** Words and links that usually carry the motivation of a change. */
const WHY_PATTERN =
  /\b(because|why|so that|so we|in order to|motivation|problem|reason|goal|context|otherwise|instead|without|needs?|needed|requires?|required|cannot|can't|fail(?:s|ed|ing)?|bug|broken|slow|risk|safer?|to (?:fix|allow|avoid|support|prevent|enable|make|reduce|improve|let)|fix(?:es|ed)?|close[sd]?|resolve[sd]?)\b|#\d+|https?:\/\/\S+/i;

/** Text a template leaves behind (HTML comments) is not a description. */
export function meaningfulDescription(body: string): string {
  return body.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();
}

export function hygieneFlags(pr: PullRequest, ctx: HygieneContext): HygieneFlag[] {
  const flags: HygieneFlag[] = [];
  const t = ctx.thresholds;
  if (ctx.waitHours !== undefined && ctx.waitHours > ctx.targetHours) {
    flags.push({ id: 'stale', label: l10n.t('past the {0} review target', formatHours(ctx.targetHours)) });
  }
  const lines = linesChanged(pr);
  if (lines !== undefined && lines > t.tooBigLines) {
    flags.push({ id: 'too-big', label: l10n.t('over {0} changed lines', t.tooBigLines) });
  }
  const description = meaningfulDescription(pr.body);
  if (description.length < Math.max(1, t.minDescriptionLength)) {
    flags.push({ id: 'no-description', label: l10n.t('no description') });
  } else if (!WHY_PATTERN.test(description)) {
    flags.push({ id: 'no-why', label: l10n.t('description does not say why') });
  }
  const othersReviewed = pr.reviews.some((r) => !sameLogin(r.reviewer, pr.author));
  if (!pr.draft && pr.requestedReviewers.length === 0 && pr.requestedTeams.length === 0 && !othersReviewed) {
    flags.push({ id: 'no-reviewers', label: l10n.t('no reviewers requested') });
  }
  const unaddressed = unaddressedChangeRequest(pr);
  if (unaddressed !== undefined && ctx.now - unaddressed >= t.changesRequestedDays * DAY) {
    flags.push({
      id: 'changes-requested-unaddressed',
      label: l10n.t('changes requested {0} days ago, no push since', Math.floor((ctx.now - unaddressed) / DAY)),
    });
  }
  if (pr.draft && ctx.now - pr.updatedAt >= t.draftUntouchedDays * DAY) {
    flags.push({ id: 'draft-untouched', label: l10n.t('draft untouched for {0} days', Math.floor((ctx.now - pr.updatedAt) / DAY)) });
  }
  return flags;
}

/**
 * When changes were requested against the current head commit (no push since), the time of the
 * oldest such review still standing; undefined when none stands or a push followed.
 */
export function unaddressedChangeRequest(pr: PullRequest): number | undefined {
  const latestByReviewer = new Map<string, PullRequest['reviews'][number]>();
  for (const review of pr.reviews) {
    if (review.state === 'COMMENTED' || review.state === 'PENDING') continue; // comments don't change the verdict
    const key = review.reviewer.toLowerCase();
    const seen = latestByReviewer.get(key);
    if (!seen || review.submittedAt >= seen.submittedAt) latestByReviewer.set(key, review);
  }
  let oldest: number | undefined;
  for (const review of latestByReviewer.values()) {
    if (review.state !== 'CHANGES_REQUESTED') continue;
    if (review.commitId !== undefined && review.commitId !== pr.headSha) continue; // pushed since
    oldest = oldest === undefined ? review.submittedAt : Math.min(oldest, review.submittedAt);
  }
  return oldest;
}

/** '26h', '45m', '3.5h' — compact, for the status bar and flags. */
export function formatHours(hours: number): string {
  if (hours < 1) return l10n.t('{0}m', Math.max(0, Math.round(hours * 60)));
  return l10n.t('{0}h', hours < 10 && !Number.isInteger(hours) ? Math.round(hours * 10) / 10 : Math.round(hours));
}
