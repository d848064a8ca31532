/**
 * The review queue's editor-side state: when to poll, what the last poll learned, and how the
 * views should describe it. Starts lazily (first show of the view, or a while after start-up);
 * keeps the last data through outages and says how old it is.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CoreServices } from '../core/services';
import type { RepoSnapshot } from '../git/api';
import { resolveToken } from '../github/source/auth';
import { accountKey, cacheFilePath, loadCacheFile, saveCacheFile } from '../github/source/cacheFile';
import { GitHubClient, type ClientStats } from '../github/source/client';
import { readGitHubConfig } from '../github/source/config';
import { isGitHubError } from '../github/model/errors';
import { EtagCache } from '../github/model/etagCache';
import { fetchQueueData } from './source/fetchQueue';
import { repoFromRemote, webHostOf } from '../github/model/remotes';
import type { WorkingSchedule } from '../core/time/businessHours';
import type { QueueData } from './model/pullRequest';
import { describeAge, mayRefreshOnTrigger, nextPollDelay, pollIntervalMs } from './policy/pollPlanner';
import type { BranchPullRequest, ReviewApi } from './api';
import { buildQueue, type BranchRef, type ReviewQueue } from './model/queue';
import { readReviewSettings, type ReviewSettings } from './model/settings';
import { pruneSnoozes, type Snooze, type SnoozeRecord } from './model/snooze';

export type QueueStatus = 'idle' | 'signedOut' | 'loading' | 'ready' | 'offline' | 'rateLimited';

const SNOOZE_KEY = 'multiplier.review.snoozes';
export const STATE_CONTEXT_KEY = 'multiplier.review.state';

export class ReviewQueueController implements ReviewApi, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  status: QueueStatus = 'idle';
  queue: ReviewQueue | undefined;
  data: QueueData | undefined;
  lastSuccessAt: number | undefined;
  lastAttemptAt: number | undefined;
  blockedUntil = 0;
  nextPollAt: number | undefined;
  /** Outage messages shown since the window opened (at most one per outage). */
  outageMessages = 0;
  /** Totals since the window opened, for the log and tests. */
  readonly stats: ClientStats = { requests: 0, notModified: 0, points: 0 };

  private started = false;
  private failures = 0;
  private outageNotified = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private readonly caches = new Map<string, EtagCache>();
  private lastGitKey = '';

  constructor(private readonly services: CoreServices) {
    void this.setContext();
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('multiplier.github')) {
          // Another API or other repositories: old data and the old host's backoff do not apply.
          this.data = undefined;
          this.queue = undefined;
          this.blockedUntil = 0;
          this.failures = 0;
          this.outageNotified = false;
          if (this.started) void this.refresh('settings changed');
        } else if (
          e.affectsConfiguration('multiplier.review') ||
          e.affectsConfiguration('multiplier.workingHours') ||
          e.affectsConfiguration('multiplier.botAuthors')
        ) {
          this.rebuild();
        }
      }),
      vscode.authentication.onDidChangeSessions((e) => {
        if (this.started && (e.provider.id === 'github' || e.provider.id === 'github-enterprise')) void this.refresh('sign-in changed');
      }),
      vscode.window.onDidChangeWindowState((e) => {
        if (e.focused) this.trigger('window focus');
      }),
      { dispose: () => clearTimeout(this.timer) },
    );
  }

  /** Begins polling; idempotent. Called when the view is first shown or after start-up settles. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const sub = this.services.git.onDidChangeSnapshots((snaps) => this.gitChanged(snaps));
    this.disposables.push({ dispose: () => sub.dispose() });
    this.lastGitKey = gitKey(this.services.git.snapshots);
    void this.refresh('start');
  }

  get isStarted(): boolean {
    return this.started;
  }

  reviewSettings(): ReviewSettings {
    const c = vscode.workspace.getConfiguration('multiplier.review');
    return readReviewSettings((key) => c.get<unknown>(key), vscode.workspace.getConfiguration('multiplier').get<unknown>('botAuthors'));
  }

  /** Business hours come from the one place that reads `multiplier.workingHours.*`. */
  schedule(): WorkingSchedule {
    return this.services.nudges.settings();
  }

  /** Human words for the view's description: 'offline · data from 12 min ago', 'rate limited until 14:05'. */
  describeState(now = Date.now()): string | undefined {
    const age = this.lastSuccessAt !== undefined ? `data from ${describeAge(now - this.lastSuccessAt)}` : 'no data yet';
    switch (this.status) {
      case 'loading':
        return this.data ? undefined : 'loading…';
      case 'offline':
        return `offline · ${age}`;
      case 'rateLimited':
        return `rate limited until ${new Date(this.blockedUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} · ${age}`;
      case 'signedOut':
        return 'signed out';
      default:
        return undefined;
    }
  }

  private currentBranches(): BranchRef[] {
    const host = webHostOf(readGitHubConfig().apiUrl);
    if (!host) return [];
    const out: BranchRef[] = [];
    for (const snap of this.services.git.snapshots) {
      if (!snap.branch) continue;
      for (const remote of snap.remotes) {
        const repo = repoFromRemote(remote.fetchUrl ?? remote.pushUrl ?? '', host);
        if (repo) out.push({ repo, branch: snap.branch });
      }
    }
    return out;
  }

  private repositories(configured: string[], branches: BranchRef[]): string[] {
    if (configured.length > 0) return configured;
    return [...new Set(branches.map((b) => b.repo))];
  }

  snoozes(): SnoozeRecord {
    return this.services.context.globalState.get<SnoozeRecord>(SNOOZE_KEY) ?? {};
  }

  async setSnooze(key: string, snooze: Snooze | undefined): Promise<void> {
    const record = { ...pruneSnoozes(this.snoozes(), Date.now()) };
    if (snooze) record[key] = snooze;
    else delete record[key];
    await this.services.context.globalState.update(SNOOZE_KEY, record);
    this.rebuild();
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

  /** Recomputes the queue from the last data (settings, snoozes, branch or clock changed). */
  rebuild(): void {
    if (this.data) {
      this.queue = buildQueue(this.data, {
        now: Date.now(),
        schedule: this.schedule(),
        settings: this.reviewSettings(),
        snoozes: this.snoozes(),
        currentBranches: this.currentBranches(),
      });
    }
    this.changed.fire();
  }

  /** A focus or git event: refresh unless one ran in the last minute or we are rate limited. */
  trigger(reason: string): void {
    if (!this.started || this.running) return;
    if (mayRefreshOnTrigger(Date.now(), this.lastAttemptAt, this.blockedUntil)) void this.refresh(reason);
  }

  private gitChanged(snaps: readonly RepoSnapshot[]): void {
    const key = gitKey(snaps);
    if (key === this.lastGitKey) return;
    this.lastGitKey = key;
    this.rebuild(); // the branch may have changed: "This branch" follows at once
    this.trigger('git fetch or branch change');
  }

  /** One refresh at a time; a second caller shares the running one. */
  refresh(reason: string): Promise<void> {
    this.started = true;
    if (!this.running) {
      this.running = this.doRefresh(reason).finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async doRefresh(reason: string): Promise<void> {
    clearTimeout(this.timer);
    const log = this.services.log;
    const config = readGitHubConfig();
    const now = Date.now();
    if (this.blockedUntil > now) {
      log.info(`review queue: skipped refresh (${reason}), rate limited for ${Math.ceil((this.blockedUntil - now) / 1000)} s`);
      this.scheduleNext(config.pollMinutes);
      return;
    }
    this.lastAttemptAt = now;
    const resolved = await resolveToken(this.services.context.secrets, config.apiUrl);
    if (!resolved) {
      log.info(`review queue: no GitHub sign-in or token for ${config.apiUrl}`);
      this.setStatus('signedOut');
      return; // nothing to poll until the user signs in or saves a token
    }
    log.addSecret(resolved.token);
    if (!this.data) this.setStatus('loading');
    const account = accountKey(config.apiUrl, resolved.token);
    const cache = await this.cacheFor(account);
    const client = new GitHubClient({ apiUrl: config.apiUrl, token: resolved.token, account, cache });
    const settings = this.reviewSettings();
    const branches = this.currentBranches();
    try {
      this.data = await fetchQueueData(client, {
        repositories: this.repositories(config.repositories, branches),
        currentBranches: branches,
        botAuthors: settings.botAuthors,
        now: Date.now,
      });
      this.lastSuccessAt = Date.now();
      this.failures = 0;
      this.outageNotified = false;
      this.status = 'ready';
      log.info(
        `review queue: refreshed (${reason}): ${client.stats.requests} requests, ${client.stats.notModified} not modified, ${client.stats.points} rate-limit points${client.stats.remaining !== undefined ? `, ${client.stats.remaining} left` : ''}`,
      );
    } catch (error) {
      this.failed(error, client.blockedUntil);
    } finally {
      this.stats.requests += client.stats.requests;
      this.stats.notModified += client.stats.notModified;
      this.stats.points += client.stats.points;
      if (cache.isDirty) void this.saveCache(account, cache);
    }
    this.rebuild();
    await this.setContext();
    this.scheduleNext(config.pollMinutes);
  }

  private failed(error: unknown, blockedUntil: number): void {
    const log = this.services.log;
    this.failures++;
    if (isGitHubError(error, 'auth')) {
      this.status = 'signedOut';
      log.warn(`review queue: GitHub rejected the token (${error.message})`);
      this.notifyOnce('GitHub rejected the saved sign-in or token. Sign in again to see your review queue.', 'Sign in to GitHub');
      return;
    }
    if (isGitHubError(error, 'rate-limited')) {
      this.blockedUntil = Math.max(blockedUntil, error.retryAt ?? 0);
      this.status = 'rateLimited';
      log.warn(`review queue: ${error.message}`);
      this.notifyOnce(
        `GitHub asked Multiplier to slow down. The Review Queue keeps its last data and retries at ${new Date(this.blockedUntil).toLocaleTimeString()}.`,
      );
      return;
    }
    this.status = 'offline';
    log.warn(`review queue: refresh failed: ${error instanceof Error ? error.message : String(error)}`);
    // Our own words only: remote text could carry links, and notifications render links.
    const what = isGitHubError(error, 'offline') ? 'GitHub cannot be reached' : 'GitHub answered with an error';
    const age = this.lastSuccessAt !== undefined ? `data from ${describeAge(Date.now() - this.lastSuccessAt)}` : 'no data yet';
    this.notifyOnce(`${what}. The Review Queue shows ${age} and retries automatically.`, 'Show Log');
  }

  /** At most one message per outage; the view's description carries the rest. */
  private notifyOnce(message: string, action?: string): void {
    if (this.outageNotified) return;
    this.outageNotified = true;
    this.outageMessages++;
    const shown = action ? vscode.window.showWarningMessage(message, action) : vscode.window.showWarningMessage(message);
    void Promise.resolve(shown).then((choice) => {
      if (choice === 'Show Log') this.services.log.show();
      if (choice === 'Sign in to GitHub') void vscode.commands.executeCommand('multiplier.github.signIn');
    });
  }

  private setStatus(status: QueueStatus): void {
    this.status = status;
    void this.setContext();
    this.changed.fire();
  }

  private async setContext(): Promise<void> {
    const value =
      this.status === 'ready' &&
      this.queue &&
      this.queue.waiting.length + this.queue.mine.length + this.queue.branch.length + this.queue.snoozed.length === 0
        ? 'empty'
        : this.status;
    await vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, value);
  }

  private scheduleNext(pollMinutes: unknown): void {
    clearTimeout(this.timer);
    if (this.status === 'signedOut') return;
    const delay = nextPollDelay({
      intervalMs: pollIntervalMs(pollMinutes),
      now: Date.now(),
      consecutiveFailures: this.failures,
      blockedUntil: this.blockedUntil,
    });
    this.nextPollAt = Date.now() + delay;
    this.timer = setTimeout(() => void this.refresh('poll'), delay);
  }

  private cacheDir(): string {
    return path.join(this.services.context.globalStorageUri.fsPath, 'github-cache');
  }

  private async cacheFor(account: string): Promise<EtagCache> {
    let cache = this.caches.get(account);
    if (!cache) {
      cache = new EtagCache(await loadCacheFile(cacheFilePath(this.cacheDir(), account)));
      this.caches.set(account, cache);
    }
    return cache;
  }

  private async saveCache(account: string, cache: EtagCache): Promise<void> {
    try {
      await saveCacheFile(cacheFilePath(this.cacheDir(), account), cache.snapshot(Date.now()));
    } catch (error) {
      this.services.log.warn(`review queue: could not save the GitHub cache: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Forgets cached responses (after a sign-out or token change). */
  clearCaches(): void {
    this.caches.clear();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}

/** What of the git state should trigger a refresh: branch, upstream and how far behind. */
function gitKey(snaps: readonly RepoSnapshot[]): string {
  return snaps.map((s) => `${s.repoRoot}|${s.branch ?? ''}|${s.upstream ?? ''}|${s.behind}`).join('\n');
}
