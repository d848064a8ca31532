/**
 * The review queue as the views show it: three groups plus the snoozed items, each item with
 * its reason and hygiene flags. Pure.
 */
import { businessHoursBetween, type WorkingSchedule } from '../../core/time/businessHours';
import { hygieneFlags, type HygieneFlag } from '../policy/hygiene';
import { sameLogin, type CheckStatus, type PullRequest, type QueueData } from './pullRequest';
import { describeWait, rankWaitingOnViewer, type RankedPullRequest } from '../policy/ranking';
import { isBot, type ReviewSettings } from './settings';
import { isSnoozed, type SnoozeRecord } from './snooze';

export type QueueGroup = 'waiting' | 'mine' | 'branch';

/** What the icon should say, most urgent first. */
export type ItemTone = 'stale' | 'changes-requested' | 'failing' | 'approved' | 'draft' | 'normal';

export interface QueueItem {
  pr: PullRequest;
  group: QueueGroup;
  /** One line, plain text, built from our own words and numbers only. */
  reason: string;
  flags: HygieneFlag[];
  waitHours?: number;
  tone: ItemTone;
  snoozed: boolean;
  ranked?: RankedPullRequest;
}

export interface ReviewQueue {
  waiting: QueueItem[];
  mine: QueueItem[];
  branch: QueueItem[];
  snoozed: QueueItem[];
  /** Longest business-hours wait among the visible "waiting on you" items. */
  oldestWaitHours?: number;
}

export interface BranchRef {
  /** `owner/repo` of a workspace repository's GitHub remote. */
  repo: string;
  branch: string;
}

export interface QueueContext {
  now: number;
  schedule: WorkingSchedule;
  settings: ReviewSettings;
  snoozes: SnoozeRecord;
  currentBranches: readonly BranchRef[];
}

type Verdict = 'APPROVED' | 'CHANGES_REQUESTED';

/** Latest verdict per reviewer other than the author; comments do not change a verdict. */
export function verdicts(pr: PullRequest): Map<string, { state: Verdict; at: number }> {
  const out = new Map<string, { state: Verdict; at: number }>();
  for (const r of [...pr.reviews].sort((a, b) => a.submittedAt - b.submittedAt)) {
    if (sameLogin(r.reviewer, pr.author)) continue;
    const key = r.reviewer;
    if (r.state === 'APPROVED' || r.state === 'CHANGES_REQUESTED') out.set(key, { state: r.state, at: r.submittedAt });
    else if (r.state === 'DISMISSED') out.delete(key);
  }
  return out;
}

function checksText(checks: CheckStatus): string | undefined {
  return checks === 'success'
    ? 'checks passing'
    : checks === 'failure'
      ? 'checks failing'
      : checks === 'pending'
        ? 'checks running'
        : undefined;
}

/** Business hours since ready until the first review by someone else (or now, when none yet). */
export function pickupHours(pr: PullRequest, now: number, schedule: WorkingSchedule): { hours: number; pickedUp: boolean } {
  const ready = pr.readyAt ?? pr.createdAt;
  const first = pr.reviews
    .filter((r) => !sameLogin(r.reviewer, pr.author))
    .reduce<number | undefined>((min, r) => (min === undefined || r.submittedAt < min ? r.submittedAt : min), undefined);
  return { hours: businessHoursBetween(ready, first ?? now, schedule), pickedUp: first !== undefined };
}

/** The state of a PR as its author sees it: verdicts, checks, mergeability, or the pickup wait. */
export function summarise(pr: PullRequest, ctx: QueueContext): { reason: string; tone: ItemTone; waitHours?: number } {
  const parts: string[] = [];
  let tone: ItemTone = 'normal';
  let waitHours: number | undefined;
  const v = [...verdicts(pr).entries()];
  const changes = v.filter(([, x]) => x.state === 'CHANGES_REQUESTED').map(([who]) => who);
  const approvals = v.filter(([, x]) => x.state === 'APPROVED').map(([who]) => who);
  if (pr.draft) {
    parts.push('draft');
    tone = 'draft';
  } else if (changes.length > 0) {
    parts.push(`changes requested by ${changes.join(', ')}`);
    tone = 'changes-requested';
  } else if (approvals.length > 0) {
    parts.push(`approved by ${approvals.length === 1 ? approvals[0] : `${approvals.length} reviewers`}`);
    tone = 'approved';
  } else {
    const pickup = pickupHours(pr, ctx.now, ctx.schedule);
    if (!pickup.pickedUp) {
      waitHours = pickup.hours;
      const asked = pr.requestedReviewers.length + pr.requestedTeams.length;
      parts.push(`${describeWait(pickup.hours)} for a first review`);
      if (asked > 0) parts.push(`${asked} ${asked === 1 ? 'reviewer' : 'reviewers'} asked`);
      if (pickup.hours > ctx.settings.targetHours) tone = 'stale';
    } else {
      parts.push('reviewed, no verdict yet');
    }
  }
  const checks = checksText(pr.checks);
  if (checks) parts.push(checks);
  if (pr.checks === 'failure' && tone !== 'changes-requested') tone = 'failing';
  if (pr.mergeable === false) parts.push('merge conflict');
  return { reason: parts.join(' · '), tone, waitHours };
}

export function buildQueue(data: QueueData, ctx: QueueContext): ReviewQueue {
  const { viewer } = data;
  const queue: ReviewQueue = { waiting: [], mine: [], branch: [], snoozed: [] };
  const hygiene = (pr: PullRequest, waitHours?: number) =>
    hygieneFlags(pr, { now: ctx.now, waitHours, targetHours: ctx.settings.targetHours, thresholds: ctx.settings.hygiene });
  const place = (item: QueueItem, list: QueueItem[]) => (item.snoozed ? queue.snoozed : list).push(item);

  const ranked = rankWaitingOnViewer({ now: ctx.now, viewer, schedule: ctx.schedule, settings: ctx.settings, all: data.pullRequests });
  for (const r of ranked) {
    const flags = hygiene(r.pr, r.waitHours);
    place(
      {
        pr: r.pr,
        group: 'waiting',
        reason: r.reason,
        flags,
        waitHours: r.waitHours,
        tone: r.waitHours > ctx.settings.targetHours ? 'stale' : 'normal',
        snoozed: isSnoozed(ctx.snoozes[r.pr.key], r.pr, ctx.now),
        ranked: r,
      },
      queue.waiting,
    );
  }

  const mine = data.pullRequests
    .filter((pr) => sameLogin(pr.author, viewer.login))
    .sort((a, b) => a.createdAt - b.createdAt || (a.key < b.key ? -1 : 1));
  for (const pr of mine) {
    const s = summarise(pr, ctx);
    place(
      {
        pr,
        group: 'mine',
        reason: s.reason,
        flags: hygiene(pr, s.waitHours),
        waitHours: s.waitHours,
        tone: s.tone,
        snoozed: isSnoozed(ctx.snoozes[pr.key], pr, ctx.now),
      },
      queue.mine,
    );
  }

  // "This branch" is never snoozed: it is what the user is working on right now.
  for (const pr of data.pullRequests) {
    const onBranch = ctx.currentBranches.some(
      (b) =>
        b.branch === pr.headRef &&
        (b.repo.toLowerCase() === pr.repo.toLowerCase() || b.repo.toLowerCase() === (pr.headRepo ?? '').toLowerCase()),
    );
    if (!onBranch || isBot(pr.author, ctx.settings.botAuthors)) continue;
    const s = summarise(pr, ctx);
    queue.branch.push({
      pr,
      group: 'branch',
      reason: s.reason,
      flags: hygiene(pr, s.waitHours),
      waitHours: s.waitHours,
      tone: s.tone,
      snoozed: false,
    });
  }

  queue.oldestWaitHours = queue.waiting.reduce<number | undefined>(
    (max, i) => (i.waitHours !== undefined && (max === undefined || i.waitHours > max) ? i.waitHours : max),
    undefined,
  );
  return queue;
}
