/**
 * The review queue's state: what the last poll learned, how the views should describe it, and
 * the user's snoozes. The poller (poller.ts) decides when to ask GitHub and feeds results here.
 */
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import type { StateStore } from '../core/echoSafeState';
import { Emitter } from '../core/event';
import { displayText } from '../core/text';
import type { WorkingSchedule } from '../core/time/businessHours';
import type { RepoSnapshot } from '../git/api';
import type { GitHubApi } from '../github/api';
import type { NudgeApi } from '../nudge/api';
import type { BranchPullRequest, ReviewApi } from './api';
import type { QueueData, RepoFailure } from './model/pullRequest';
import { buildQueue, type BranchRef, type QueueItem, type ReviewQueue } from './model/queue';
import { readReviewSettings, type ReviewSettings } from './model/settings';
import { pruneSnoozes, type Snooze, type SnoozeRecord } from './model/snooze';
import { describeAge } from './policy/pollPlanner';

export type QueueStatus = 'idle' | 'signedOut' | 'misconfigured' | 'loading' | 'ready' | 'offline' | 'rateLimited';

const SNOOZE_KEY = 'multiplier.review.snoozes';
const PIN_KEY = 'multiplier.review.pins';
/** Pins kept at most; the oldest go first. */
const MAX_PINS = 20;
export const STATE_CONTEXT_KEY = 'multiplier.review.state';

export interface ReviewControllerDeps {
  memento: StateStore;
  clock: Clock;
  nudges: NudgeApi;
  github: GitHubApi;
  /** The workspace's repositories as the git source last saw them. */
  snapshots: () => readonly RepoSnapshot[];
}

export class ReviewController implements ReviewApi, vscode.Disposable {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;

  status: QueueStatus = 'idle';
  queue: ReviewQueue | undefined;
  data: QueueData | undefined;
  lastSuccessAt: number | undefined;
  /** End of a rate-limit backoff (epoch ms), for the view's description. */
  blockedUntil = 0;
  /** What is wrong with `multiplier.github.apiUrl` while status is 'misconfigured'. */
  configProblem: string | undefined;
  /** True while the first poll waits for git to find the workspace's repositories. */
  findingRepositories = false;

  constructor(private readonly deps: ReviewControllerDeps) {
    void this.setContext();
  }

  reviewSettings(): ReviewSettings {
    const c = vscode.workspace.getConfiguration('multiplier.review');
    return readReviewSettings((key) => c.get<unknown>(key), vscode.workspace.getConfiguration('multiplier').get<unknown>('botAuthors'));
  }

  /** Business hours come from the one place that reads `multiplier.workingHours.*`. */
  schedule(): WorkingSchedule {
    return this.deps.nudges.settings();
  }

  /** Human words for the view's description: 'offline · data from 12 min ago', 'rate limited until 14:05'. */
  describeState(): string | undefined {
    const now = this.deps.clock.now();
    const age =
      this.lastSuccessAt !== undefined
        ? vscode.l10n.t('data from {0}', describeAge(now - this.lastSuccessAt))
        : vscode.l10n.t('no data yet');
    switch (this.status) {
      case 'loading':
        if (this.findingRepositories) return vscode.l10n.t('finding repositories…');
        return this.data ? undefined : vscode.l10n.t('loading…');
      case 'misconfigured':
        return vscode.l10n.t('settings need a fix');
      case 'offline':
        return vscode.l10n.t('offline · {0}', age);
      case 'rateLimited':
        return vscode.l10n.t(
          'rate limited until {0} · {1}',
          new Date(this.blockedUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
          age,
        );
      case 'signedOut':
        return vscode.l10n.t('signed out');
      default:
        return undefined;
    }
  }

  /**
   * A longer note for the view's message area: a refused API URL (naming the setting and its
   * value), repositories that could not be read and why, or that the repositories are still being found.
   */
  message(): string | undefined {
    if (this.status === 'misconfigured') return this.configProblem;
    if (this.status === 'loading' && this.findingRepositories) {
      return vscode.l10n.t("Finding this workspace's GitHub repositories. The queue asks GitHub as soon as git has found them.");
    }
    const failed = this.data?.failedRepos ?? [];
    return failed.length > 0 ? failedReposText(failed) : undefined;
  }

  /** The workspace's branches on GitHub remotes of the configured host ("This branch"). */
  currentBranches(): BranchRef[] {
    const out: BranchRef[] = [];
    for (const snap of this.deps.snapshots()) {
      if (!snap.branch) continue;
      for (const remote of snap.remotes) {
        const repo = this.deps.github.repoOfRemote(remote.fetchUrl ?? remote.pushUrl ?? '');
        if (repo) out.push({ repo, branch: snap.branch });
      }
    }
    return out;
  }

  snoozes(): SnoozeRecord {
    return this.deps.memento.get<SnoozeRecord>(SNOOZE_KEY) ?? {};
  }

  async setSnooze(key: string, snooze: Snooze | undefined): Promise<void> {
    const record = { ...pruneSnoozes(this.snoozes(), this.deps.clock.now()) };
    if (snooze) record[key] = snooze;
    else delete record[key];
    await this.deps.memento.update(SNOOZE_KEY, record);
    this.rebuild();
  }

  pins(): string[] {
    const pins = this.deps.memento.get<unknown>(PIN_KEY);
    return Array.isArray(pins) ? pins.filter((p): p is string => typeof p === 'string') : [];
  }

  /** Pins (or unpins) a pull request at the top of the queue. */
  async setPinned(key: string, pinned: boolean): Promise<void> {
    const pins = this.pins().filter((p) => p !== key);
    if (pinned) pins.push(key);
    await this.deps.memento.update(PIN_KEY, pins.slice(-MAX_PINS));
    this.rebuild();
  }

  /** Every queue item, each once (an item of "This branch" may also be in another group). */
  items(): QueueItem[] {
    const q = this.queue;
    if (!q) return [];
    const seen = new Set<string>();
    return [...q.waiting, ...q.ready, ...q.blocked, ...q.author, ...q.mine, ...q.branch, ...q.snoozed].filter((i) =>
      seen.has(i.pr.key) ? false : (seen.add(i.pr.key), true),
    );
  }

  /** The queue's item for a pull request, if it is in the queue. */
  itemFor(key: string): QueueItem | undefined {
    return this.items().find((i) => i.pr.key === key);
  }

  /** True when the last poll found nothing at all to show. */
  isEmpty(): boolean {
    return this.queue !== undefined && this.items().length === 0;
  }

  branchPullRequests(): readonly BranchPullRequest[] {
    return (this.queue?.branch ?? []).map(({ pr }) => ({
      url: pr.url,
      number: pr.number,
      title: pr.title,
      repo: pr.repo,
      headRef: pr.headRef,
    }));
  }

  /** A poll succeeded: keep its data and rebuild the queue from it. */
  accept(data: QueueData): void {
    this.data = data;
    this.lastSuccessAt = this.deps.clock.now();
    this.status = 'ready';
    this.rebuild();
  }

  /**
   * Another API or other repositories: the old data, its age and the old host's backoff do not
   * apply (an empty queue must not say "data from just now").
   */
  forget(): void {
    this.data = undefined;
    this.queue = undefined;
    this.lastSuccessAt = undefined;
    this.blockedUntil = 0;
    this.findingRepositories = false;
  }

  setStatus(status: QueueStatus): void {
    this.status = status;
    void this.setContext();
    this.changed.fire();
  }

  /** Recomputes the queue from the last data (settings, snoozes, branch or clock changed). */
  rebuild(): void {
    if (this.data) {
      this.queue = buildQueue(this.data, {
        now: this.deps.clock.now(),
        schedule: this.schedule(),
        settings: this.reviewSettings(),
        snoozes: this.snoozes(),
        currentBranches: this.currentBranches(),
        pins: this.pins(),
      });
    }
    void this.setContext();
    this.changed.fire();
  }

  private async setContext(): Promise<void> {
    const empty = this.status === 'ready' && this.isEmpty();
    await vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, empty ? 'empty' : this.status);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function failureReason(failure: RepoFailure): string {
  return failure.reason === 'not-found'
    ? vscode.l10n.t('GitHub answered {0}: not found, or this account cannot see it', failure.status)
    : vscode.l10n.t('GitHub answered {0}: this account may not read it', failure.status);
}

/** "Could not read acme/gone (GitHub answered 404: …). The other repositories are shown." */
function failedReposText(failed: readonly RepoFailure[]): string {
  const shown = failed.slice(0, 3).map((f) => `${displayText(f.repo, { maxLength: 100 })} (${failureReason(f)})`);
  if (failed.length > 3) shown.push(vscode.l10n.t('{0} more', failed.length - 3));
  return failed.length === 1
    ? vscode.l10n.t('Could not read {0}. The other repositories are shown.', shown[0])
    : vscode.l10n.t('Could not read {0} repositories: {1}. The others are shown.', failed.length, shown.join('; '));
}
