/**
 * Ranking of the PRs that wait on the viewer, with a one-line reason for each position.
 * Pure and explainable: the score is a sum of four named parts, and the reason names them.
 *
 *   wait    up to 300: 100 per review target of business hours waited, capped at 3 targets
 *   size    +60 quick win (≤ smallLines), +30 (≤ 225, LinearB "elite" size), 0, −30 (> tooBigLines)
 *   blocks  +25 per extra person blocked (authors of PRs stacked on this one)
 *   asked   +30 asked directly, +30 more when nobody else is reviewing
 */
import * as l10n from '@vscode/l10n';
import { businessHoursBetween, type WorkingSchedule } from '../../core/time/businessHours';
import { linesChanged, sameLogin, type PullRequest, type Viewer } from '../model/pullRequest';
import { isBot, type ReviewSettings } from '../model/settings';

export const ELITE_SIZE_LINES = 225;

export interface RankContext {
  now: number;
  viewer: Viewer;
  schedule: WorkingSchedule;
  settings: ReviewSettings;
  /** Every PR known, to find the ones stacked on a candidate. */
  all: readonly PullRequest[];
}

export interface RankedPullRequest {
  pr: PullRequest;
  score: number;
  parts: { wait: number; size: number; blocks: number; asked: number };
  waitHours: number;
  waitingSince: number;
  askedDirectly: boolean;
  /** `org/slug` of the viewer's teams that were asked. */
  viaTeams: string[];
  onlyReviewer: boolean;
  blockedPeople: number;
  reason: string;
}

/** Teams of the viewer among the PR's requested teams. */
export function viewerTeamsAsked(pr: PullRequest, viewer: Viewer): string[] {
  const mine = new Set(viewer.teams.map((t) => t.toLowerCase()));
  return pr.requestedTeams.filter((t) => mine.has(t.toLowerCase()));
}

/** Open, ready, not the viewer's own, not a bot's, and the viewer (or a team of theirs) is asked. */
export function isWaitingOnViewer(pr: PullRequest, viewer: Viewer, settings: ReviewSettings): boolean {
  if (pr.draft || sameLogin(pr.author, viewer.login) || isBot(pr.author, settings.botAuthors)) return false;
  return pr.requestedReviewers.some((r) => sameLogin(r, viewer.login)) || viewerTeamsAsked(pr, viewer).length > 0;
}

/** Since the later of "marked ready" and the latest request of the viewer or one of their teams. */
export function waitingSince(pr: PullRequest, viewer: Viewer): number {
  const ready = pr.readyAt ?? pr.createdAt;
  const teams = new Set(viewer.teams.map((t) => t.toLowerCase()));
  let requested: number | undefined;
  for (const req of pr.reviewRequests) {
    const mine = req.isTeam ? teams.has(req.reviewer.toLowerCase()) : sameLogin(req.reviewer, viewer.login);
    if (mine && (requested === undefined || req.at > requested)) requested = req.at;
  }
  return requested === undefined ? ready : Math.max(ready, requested);
}

/** PRs by `repo\nbaseRef`, built once per list: finding stacked PRs stays linear. */
const stackIndex = new WeakMap<readonly PullRequest[], Map<string, PullRequest[]>>();
function stackedOn(all: readonly PullRequest[]): Map<string, PullRequest[]> {
  let index = stackIndex.get(all);
  if (!index) {
    index = new Map();
    for (const pr of all) {
      const key = `${pr.repo}\n${pr.baseRef}`;
      const list = index.get(key);
      if (list) list.push(pr);
      else index.set(key, [pr]);
    }
    stackIndex.set(all, index);
  }
  return index;
}

function sizePoints(lines: number | undefined, settings: ReviewSettings): number {
  if (lines === undefined) return 0;
  if (lines <= settings.smallLines) return 60;
  if (lines <= ELITE_SIZE_LINES) return 30;
  if (lines <= settings.hygiene.tooBigLines) return 0;
  return -30;
}

export function describeWait(hours: number): string {
  if (hours < 1) return l10n.t('waiting under 1 business hour');
  return Math.round(hours) === 1 ? l10n.t('waiting 1 business hour') : l10n.t('waiting {0} business hours', Math.round(hours));
}

function describeSize(lines: number, quickWin: boolean): string {
  if (lines === 1) return quickWin ? l10n.t('1 line, a quick win') : l10n.t('1 line');
  return quickWin ? l10n.t('{0} lines, a quick win', lines) : l10n.t('{0} lines', lines);
}

export function rankPullRequest(pr: PullRequest, ctx: RankContext): RankedPullRequest {
  const { viewer, settings } = ctx;
  const since = waitingSince(pr, viewer);
  const waitHours = businessHoursBetween(since, ctx.now, ctx.schedule);
  const askedDirectly = pr.requestedReviewers.some((r) => sameLogin(r, viewer.login));
  const viaTeams = viewerTeamsAsked(pr, viewer);
  const otherPending =
    pr.requestedReviewers.filter((r) => !sameLogin(r, viewer.login)).length + (pr.requestedTeams.length - viaTeams.length);
  const otherReviewed = pr.reviews.some((r) => !sameLogin(r.reviewer, viewer.login) && !sameLogin(r.reviewer, pr.author));
  const onlyReviewer = askedDirectly && otherPending === 0 && !otherReviewed;
  const stackedAuthors = new Set<string>([pr.author.toLowerCase()]);
  for (const other of stackedOn(ctx.all).get(`${pr.repo}\n${pr.headRef}`) ?? []) {
    if (other.key !== pr.key) stackedAuthors.add(other.author.toLowerCase());
  }
  for (const author of pr.stackedAuthors ?? []) stackedAuthors.add(author.toLowerCase());
  const blockedPeople = stackedAuthors.size;
  const lines = linesChanged(pr);

  const parts = {
    wait: Math.min(waitHours / settings.targetHours, 3) * 100,
    size: sizePoints(lines, settings),
    blocks: 25 * (blockedPeople - 1),
    asked: (askedDirectly ? 30 : 0) + (onlyReviewer ? 30 : 0),
  };
  const reasons = [describeWait(waitHours)];
  if (lines !== undefined) reasons.push(describeSize(lines, lines <= settings.smallLines));
  if (onlyReviewer) reasons.push(l10n.t('you are the only reviewer'));
  else if (askedDirectly) reasons.push(l10n.t('asked you directly'));
  else if (viaTeams.length > 0) reasons.push(l10n.t('asked via {0}', viaTeams[0]));
  if (blockedPeople > 1) reasons.push(l10n.t('blocks {0} people', blockedPeople));

  return {
    pr,
    score: parts.wait + parts.size + parts.blocks + parts.asked,
    parts,
    waitHours,
    waitingSince: since,
    askedDirectly,
    viaTeams,
    onlyReviewer,
    blockedPeople,
    reason: reasons.join(' · '),
  };
}

/** Highest score first; ties by longer wait, then by key, so the order is stable between polls. */
export function compareRanked(a: RankedPullRequest, b: RankedPullRequest): number {
  return b.score - a.score || b.waitHours - a.waitHours || (a.pr.key < b.pr.key ? -1 : a.pr.key > b.pr.key ? 1 : 0);
}

export function rankWaitingOnViewer(ctx: RankContext): RankedPullRequest[] {
  return ctx.all
    .filter((pr) => isWaitingOnViewer(pr, ctx.viewer, ctx.settings))
    .map((pr) => rankPullRequest(pr, ctx))
    .sort(compareRanked);
}
