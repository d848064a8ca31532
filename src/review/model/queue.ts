/**
 * The review queue as the views show it: the groups a reviewer acts on (waiting on you, ready to
 * merge, blocked, waiting on the author, yours in review, this branch) plus the snoozed and pinned
 * items, each item with its reason, a few words on what to do first, and hygiene flags. Pure.
 */
import * as l10n from '@vscode/l10n';
import { businessHoursBetween, type WorkingSchedule } from '../../core/time/businessHours';
import { formatHours, hygieneFlags, type HygieneFlag } from '../policy/hygiene';
import { sameLogin, type CheckStatus, type PullRequest, type PullRequestReview, type QueueData } from './pullRequest';
import { describeWait, rankWaitingOnViewer, type RankedPullRequest } from '../policy/ranking';
import { isBot, type ReviewSettings } from './settings';
import { isSnoozed, type SnoozeRecord } from './snooze';

export type QueueGroup = 'waiting' | 'ready' | 'blocked' | 'author' | 'mine' | 'branch';

/** What the icon should say, most urgent first. */
export type ItemTone = 'stale' | 'changes-requested' | 'failing' | 'approved' | 'draft' | 'normal';

export interface QueueItem {
  pr: PullRequest;
  group: QueueGroup;
  /** One line, plain text, built from our own words and numbers only. */
  reason: string;
  /** What to do first, in a few words for a narrow row: '26h', 'checks failing', 'ready to merge'. */
  short: string;
  flags: HygieneFlag[];
  waitHours?: number;
  tone: ItemTone;
  snoozed: boolean;
  /** Pinned by the user: shown at the top of the queue, still counted in its group. */
  pinned: boolean;
  ranked?: RankedPullRequest;
}

export interface ReviewQueue {
  /** Requested of you (or a team of yours), ranked. */
  waiting: QueueItem[];
  /** Yours: approved, checks passing, no conflict. */
  ready: QueueItem[];
  /** Yours: checks failing, changes requested or a merge conflict. */
  blocked: QueueItem[];
  /** Reviewed by you, not asked of you again: the next move is the author's. */
  author: QueueItem[];
  /** Yours, waiting for reviews (drafts included). */
  mine: QueueItem[];
  branch: QueueItem[];
  snoozed: QueueItem[];
  /** Pinned items, in the order they were pinned; they also stay in their group. */
  pinned: QueueItem[];
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
  /** Keys of pinned pull requests, oldest pin first. */
  pins?: readonly string[];
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
    ? l10n.t('checks passing')
    : checks === 'failure'
      ? l10n.t('checks failing')
      : checks === 'pending'
        ? l10n.t('checks running')
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
    parts.push(l10n.t('draft'));
    tone = 'draft';
  } else if (changes.length > 0) {
    parts.push(l10n.t('changes requested by {0}', changes.join(', ')));
    tone = 'changes-requested';
  } else if (approvals.length > 0) {
    parts.push(approvals.length === 1 ? l10n.t('approved by {0}', approvals[0]) : l10n.t('approved by {0} reviewers', approvals.length));
    tone = 'approved';
  } else {
    const pickup = pickupHours(pr, ctx.now, ctx.schedule);
    if (!pickup.pickedUp) {
      waitHours = pickup.hours;
      const asked = pr.requestedReviewers.length + pr.requestedTeams.length;
      parts.push(l10n.t('{0} for a first review', describeWait(pickup.hours)));
      if (asked > 0) parts.push(asked === 1 ? l10n.t('1 reviewer asked') : l10n.t('{0} reviewers asked', asked));
      if (pickup.hours > ctx.settings.targetHours) tone = 'stale';
    } else {
      parts.push(l10n.t('reviewed, no verdict yet'));
    }
  }
  const checks = checksText(pr.checks);
  if (checks) parts.push(checks);
  if (pr.checks === 'failure' && tone !== 'changes-requested') tone = 'failing';
  if (pr.mergeable === false) parts.push(l10n.t('merge conflict'));
  return { reason: parts.join(' · '), tone, waitHours };
}

/** The viewer's latest submitted review of someone else's PR, if any. */
export function viewerReview(pr: PullRequest, viewer: string): PullRequestReview | undefined {
  let latest: PullRequestReview | undefined;
  for (const r of pr.reviews) {
    if (r.state === 'PENDING' || !sameLogin(r.reviewer, viewer)) continue;
    if (!latest || r.submittedAt >= latest.submittedAt) latest = r;
  }
  return latest;
}

function ago(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours < 1) return l10n.t('under an hour ago');
  if (hours < 48) return Math.round(hours) === 1 ? l10n.t('1 hour ago') : l10n.t('{0} hours ago', Math.round(hours));
  return l10n.t('{0} days ago', Math.floor(hours / 24));
}

/** Yours: ready to merge, blocked (and by what), or still in review. */
export function classifyMine(pr: PullRequest, ctx: QueueContext): { group: 'ready' | 'blocked' | 'mine'; short: string; why?: string } {
  const v = [...verdicts(pr).values()];
  const changes = v.some((x) => x.state === 'CHANGES_REQUESTED');
  const approved = v.some((x) => x.state === 'APPROVED');
  if (pr.draft) return { group: 'mine', short: l10n.t('draft') };
  const blockers: string[] = [];
  if (pr.checks === 'failure') blockers.push(l10n.t('checks failing'));
  if (changes) blockers.push(l10n.t('changes requested'));
  if (pr.mergeable === false) blockers.push(l10n.t('merge conflict'));
  if (blockers.length > 0) return { group: 'blocked', short: blockers[0], why: blockers.join(' · ') };
  if (approved && (pr.checks === 'success' || pr.checks === 'none')) return { group: 'ready', short: l10n.t('ready to merge') };
  if (approved) return { group: 'mine', short: l10n.t('checks running') };
  const pickup = pickupHours(pr, ctx.now, ctx.schedule);
  return { group: 'mine', short: pickup.pickedUp ? l10n.t('in review') : formatHours(pickup.hours) };
}

/** Someone else's PR the viewer reviewed and was not asked to review again: the author moves next. */
export function waitingOnAuthor(pr: PullRequest, viewer: string, now: number): { reason: string; short: string } | undefined {
  const mine = viewerReview(pr, viewer);
  if (!mine) return undefined;
  const pushed = mine.commitId !== undefined && mine.commitId !== pr.headSha;
  const since = ago(now - mine.submittedAt);
  const checks = checksText(pr.checks);
  switch (mine.state) {
    case 'CHANGES_REQUESTED':
      return {
        short: l10n.t('you asked changes'),
        reason: [
          l10n.t('you asked for changes {0}', since),
          pushed ? l10n.t('pushed since; the author can ask you again') : l10n.t('no push since'),
          ...(checks ? [checks] : []),
        ].join(' · '),
      };
    case 'APPROVED':
      return {
        short: l10n.t('you approved'),
        reason: [l10n.t('you approved {0}', since), l10n.t('not merged yet'), ...(checks ? [checks] : [])].join(' · '),
      };
    case 'DISMISSED':
      return { short: l10n.t('review dismissed'), reason: l10n.t('your review was dismissed {0}', since) };
    default:
      return {
        short: l10n.t('you commented'),
        reason: [l10n.t('you commented {0}, no verdict', since), pushed ? l10n.t('pushed since') : l10n.t('no push since')].join(' · '),
      };
  }
}

export function buildQueue(data: QueueData, ctx: QueueContext): ReviewQueue {
  const { viewer } = data;
  const queue: ReviewQueue = { waiting: [], ready: [], blocked: [], author: [], mine: [], branch: [], snoozed: [], pinned: [] };
  const pins = ctx.pins ?? [];
  const hygiene = (pr: PullRequest, waitHours?: number) =>
    hygieneFlags(pr, { now: ctx.now, waitHours, targetHours: ctx.settings.targetHours, thresholds: ctx.settings.hygiene });
  const place = (item: QueueItem, list: QueueItem[]) => (item.snoozed ? queue.snoozed : list).push(item);
  const snoozed = (pr: PullRequest) => isSnoozed(ctx.snoozes[pr.key], pr, ctx.now);
  const pinned = (pr: PullRequest) => pins.includes(pr.key);

  const ranked = rankWaitingOnViewer({ now: ctx.now, viewer, schedule: ctx.schedule, settings: ctx.settings, all: data.pullRequests });
  const waitingKeys = new Set<string>();
  for (const r of ranked) {
    waitingKeys.add(r.pr.key);
    const flags = hygiene(r.pr, r.waitHours);
    place(
      {
        pr: r.pr,
        group: 'waiting',
        reason: r.reason,
        short: formatHours(r.waitHours),
        flags,
        waitHours: r.waitHours,
        tone: r.waitHours > ctx.settings.targetHours ? 'stale' : 'normal',
        snoozed: snoozed(r.pr),
        pinned: pinned(r.pr),
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
    const c = classifyMine(pr, ctx);
    place(
      {
        pr,
        group: c.group,
        reason: s.reason,
        short: c.short,
        flags: hygiene(pr, s.waitHours),
        waitHours: s.waitHours,
        tone: s.tone,
        snoozed: snoozed(pr),
        pinned: pinned(pr),
      },
      c.group === 'ready' ? queue.ready : c.group === 'blocked' ? queue.blocked : queue.mine,
    );
  }

  // Reviewed by the viewer, not asked again: oldest review first, so the longest wait leads.
  const reviewed = data.pullRequests
    .filter((pr) => !sameLogin(pr.author, viewer.login) && !waitingKeys.has(pr.key) && !isBot(pr.author, ctx.settings.botAuthors))
    .flatMap((pr) => {
      const w = waitingOnAuthor(pr, viewer.login, ctx.now);
      return w ? [{ pr, w, at: viewerReview(pr, viewer.login)!.submittedAt }] : [];
    })
    .sort((a, b) => a.at - b.at || (a.pr.key < b.pr.key ? -1 : 1));
  for (const { pr, w } of reviewed) {
    place(
      {
        pr,
        group: 'author',
        reason: w.reason,
        short: w.short,
        flags: hygiene(pr),
        tone: pr.draft ? 'draft' : pr.checks === 'failure' ? 'failing' : 'normal',
        snoozed: snoozed(pr),
        pinned: pinned(pr),
      },
      queue.author,
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
      short: sameLogin(pr.author, viewer.login)
        ? classifyMine(pr, ctx).short
        : s.tone === 'approved'
          ? l10n.t('approved')
          : l10n.t('this branch'),
      flags: hygiene(pr, s.waitHours),
      waitHours: s.waitHours,
      tone: s.tone,
      snoozed: false,
      pinned: false,
    });
  }

  const visible = [...queue.waiting, ...queue.ready, ...queue.blocked, ...queue.author, ...queue.mine];
  for (const key of pins) {
    const item = visible.find((i) => i.pr.key === key);
    if (item) queue.pinned.push(item);
  }

  queue.oldestWaitHours = queue.waiting.reduce<number | undefined>(
    (max, i) => (i.waitHours !== undefined && (max === undefined || i.waitHours > max) ? i.waitHours : max),
    undefined,
  );
  return queue;
}
