/**
 * When the review queue asks GitHub: lazily on start, on an interval, sooner after a failure,
 * never during a rate-limit backoff, and on focus or git fetch at most once a minute. Each poll
 * feeds the ReviewController; outages are said once and the last data is kept.
 */
import * as vscode from 'vscode';
import type { Clock, Timer } from '../core/clock';
import type { Logger } from '../core/vscode/logger';
import type { GitApi, RepoSnapshot } from '../git/api';
import { isGitHubError, type GitHubApi, type RequestStats } from '../github/api';
import type { ReviewController } from './controller';
import { isBot } from './model/settings';
import { describeAge, mayRefreshOnTrigger, nextPollDelay, pollIntervalMs } from './policy/pollPlanner';
import { fetchQueueData } from './source/fetchQueue';

/** How long the first poll waits for git to find the workspace's repositories before it searches anyway. */
const DISCOVERY_LIMIT_MS = 2 * 60_000;

export interface ReviewPollerDeps {
  state: ReviewController;
  github: GitHubApi;
  git: GitApi;
  clock: Clock;
  log: Logger;
}

export class ReviewPoller implements vscode.Disposable {
  lastAttemptAt: number | undefined;
  nextPollAt: number | undefined;
  /** Outage messages shown since the window opened (at most one per outage). */
  outageMessages = 0;
  /** Totals since the window opened, for the log and tests. */
  readonly stats: RequestStats = { requests: 0, notModified: 0, points: 0 };
  /** What each recent poll asked for ('search', 'repositories: a/b', 'waiting for git', …), oldest first, for tests. */
  readonly scopes: string[] = [];

  private started = false;
  private failures = 0;
  private outageNotified = false;
  private timer: Timer | undefined;
  private running: Promise<void> | undefined;
  private again: Promise<void> | undefined;
  private lastGitKey = '';
  /** Bumped by a settings change: a poll that started before it must not store its answer. */
  private generation = 0;
  private discovery: { dispose(): void } | undefined;
  private discoveryGaveUp = false;
  private readonly disposables: { dispose(): void }[] = [];

  constructor(private readonly deps: ReviewPollerDeps) {
    const { state, github } = deps;
    this.disposables.push(
      github.onDidChange((change) => {
        if (change === 'settings') {
          state.forget();
          this.generation++;
          this.failures = 0;
          this.outageNotified = false;
        }
        if (this.started) void this.refresh(change === 'settings' ? 'settings changed' : 'sign-in changed');
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (['multiplier.review', 'multiplier.workingHours', 'multiplier.botAuthors'].some((s) => e.affectsConfiguration(s)))
          state.rebuild();
      }),
      vscode.window.onDidChangeWindowState((e) => {
        if (e.focused) this.trigger('window focus');
      }),
      { dispose: () => this.timer?.dispose() },
      { dispose: () => this.discovery?.dispose() },
    );
  }

  /** Begins polling; idempotent. Called when the view is first shown or after start-up settles. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.disposables.push(this.deps.git.onDidChangeSnapshots((snaps) => this.gitChanged(snaps)));
    this.lastGitKey = gitKey(this.deps.git.snapshots);
    void this.refresh('start');
  }

  get isStarted(): boolean {
    return this.started;
  }

  /** A focus or git event: refresh unless one ran in the last minute or we are rate limited. */
  trigger(reason: string): void {
    if (!this.started || this.running) return;
    if (mayRefreshOnTrigger(this.deps.clock.now(), this.lastAttemptAt, this.deps.state.blockedUntil)) void this.refresh(reason);
  }

  /**
   * One refresh at a time. A caller during a running refresh gets one more after it: a sign-in or
   * a settings change that arrives mid-poll must not be answered by the poll that started before it.
   */
  refresh(reason: string): Promise<void> {
    this.started = true;
    if (this.running) {
      this.again ??= this.running.then(() => {
        this.again = undefined;
        return this.refresh(reason);
      });
      return this.again;
    }
    this.running = this.poll(reason).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private gitChanged(snaps: readonly RepoSnapshot[]): void {
    const key = gitKey(snaps);
    if (key === this.lastGitKey) return;
    this.lastGitKey = key;
    this.deps.state.rebuild(); // the branch may have changed: "This branch" follows at once
    this.trigger('git fetch or branch change');
  }

  private async poll(reason: string): Promise<void> {
    this.timer?.dispose();
    const { state, github, clock, log } = this.deps;
    const config = github.config();
    const generation = this.generation;
    if (config.problem) {
      // No credential is looked up and no request is made until the setting is fixed (its change polls again).
      if (state.status !== 'misconfigured' || state.configProblem !== config.problem) {
        log.warn(`review queue: ${config.problem}`);
        // Said once per value; the view's message keeps saying it (a message hides welcome buttons).
        const open = vscode.l10n.t('Open Settings');
        void Promise.resolve(vscode.window.showWarningMessage(config.problem, open)).then((choice) => {
          if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'multiplier.github.apiUrl');
        });
      }
      this.record('none: settings need a fix');
      state.configProblem = config.problem;
      state.setStatus('misconfigured');
      return;
    }
    state.configProblem = undefined;
    if (config.repositories.length === 0 && this.waitForDiscovery(reason)) return;
    const now = clock.now();
    if (state.blockedUntil > now) {
      log.info(`review queue: skipped refresh (${reason}), rate limited for ${Math.ceil((state.blockedUntil - now) / 1000)} s`);
      this.scheduleNext(config.pollMinutes);
      return;
    }
    this.lastAttemptAt = now;
    const connection = await github.connect();
    if (!connection) {
      log.info(`review queue: no GitHub sign-in or token for ${config.apiUrl}`);
      state.setStatus('signedOut');
      return; // nothing to poll until the user signs in or saves a token
    }
    if (!state.data) state.setStatus('loading');
    const settings = state.reviewSettings();
    const branches = state.currentBranches();
    const repositories = config.repositories.length > 0 ? config.repositories : [...new Set(branches.map((b) => b.repo))];
    this.record(repositories.length > 0 ? `repositories: ${repositories.join(', ')}` : 'search');
    const { requests } = connection;
    try {
      const data = await fetchQueueData(requests, {
        repositories,
        currentBranches: branches,
        isBot: (login) => isBot(login, settings.botAuthors),
        now: () => clock.now(),
      });
      if (generation !== this.generation) {
        log.info(`review queue: dropped a refresh (${reason}) that began before the settings changed`);
        return; // the refresh queued by the change runs next
      }
      this.failures = 0;
      this.outageNotified = false;
      state.accept(data);
      const s = requests.stats;
      log.info(
        `review queue: refreshed (${reason}): ${s.requests} requests, ${s.notModified} not modified, ${s.points} rate-limit points` +
          (s.remaining !== undefined ? `, ${s.remaining} left` : ''),
      );
    } catch (error) {
      if (generation !== this.generation) return;
      this.failed(error, requests.blockedUntil);
      state.rebuild();
    } finally {
      this.stats.requests += requests.stats.requests;
      this.stats.notModified += requests.stats.notModified;
      this.stats.points += requests.stats.points;
      void connection.save();
    }
    this.scheduleNext(config.pollMinutes);
  }

  /**
   * With no repositories in settings, the queue reads the workspace's: until git has found them,
   * it says so and waits (instead of searching every repository the token can see, then
   * switching). Git's start-up ends the wait; so does a limit, after which search is used.
   */
  private waitForDiscovery(reason: string): boolean {
    const { git, state, clock, log } = this.deps;
    if (git.status !== 'starting' || this.discoveryGaveUp) {
      this.discovery?.dispose();
      this.discovery = undefined;
      state.findingRepositories = false;
      return false;
    }
    this.record('waiting for git to find repositories');
    if (!this.discovery) {
      log.info(`review queue: waiting for git to find the workspace's repositories (${reason})`);
      const statusChanged = git.onDidChangeStatus((status) => {
        if (status !== 'starting') void this.refresh('repositories found');
      });
      const limit = clock.after(DISCOVERY_LIMIT_MS, () => {
        this.discoveryGaveUp = true;
        log.warn(`review queue: git found no repositories in ${DISCOVERY_LIMIT_MS / 1000} s; searching GitHub instead`);
        void this.refresh('git is slow to find repositories');
      });
      this.discovery = { dispose: () => (statusChanged.dispose(), limit.dispose()) };
    }
    state.findingRepositories = true;
    state.setStatus('loading');
    return true;
  }

  private record(scope: string): void {
    this.scopes.push(scope);
    if (this.scopes.length > 20) this.scopes.shift();
  }

  private failed(error: unknown, blockedUntil: number): void {
    const { state, log, clock } = this.deps;
    this.failures++;
    if (isGitHubError(error, 'auth')) {
      state.status = 'signedOut';
      log.warn(`review queue: GitHub rejected the token (${error.message})`);
      this.notifyOnce(vscode.l10n.t('GitHub rejected the saved sign-in or token. Sign in again to see your review queue.'), 'signIn');
      return;
    }
    if (isGitHubError(error, 'rate-limited')) {
      state.blockedUntil = Math.max(blockedUntil, error.retryAt ?? 0);
      state.status = 'rateLimited';
      log.warn(`review queue: ${error.message}`);
      this.notifyOnce(
        vscode.l10n.t(
          'GitHub asked Multiplier to slow down. The Review Queue keeps its last data and retries at {0}.',
          new Date(state.blockedUntil).toLocaleTimeString(),
        ),
      );
      return;
    }
    state.status = 'offline';
    log.warn(`review queue: refresh failed: ${error instanceof Error ? error.message : String(error)}`);
    // Our own words only: remote text could carry links, and notifications render links.
    const offline = isGitHubError(error, 'offline');
    const age = state.lastSuccessAt !== undefined ? describeAge(clock.now() - state.lastSuccessAt) : undefined;
    const message =
      age === undefined
        ? offline
          ? vscode.l10n.t('GitHub cannot be reached. The Review Queue shows no data yet and retries automatically.')
          : vscode.l10n.t('GitHub answered with an error. The Review Queue shows no data yet and retries automatically.')
        : offline
          ? vscode.l10n.t('GitHub cannot be reached. The Review Queue shows data from {0} and retries automatically.', age)
          : vscode.l10n.t('GitHub answered with an error. The Review Queue shows data from {0} and retries automatically.', age);
    this.notifyOnce(message, 'showLog');
  }

  /** At most one message per outage; the view's description carries the rest. */
  private notifyOnce(message: string, action?: 'showLog' | 'signIn'): void {
    if (this.outageNotified) return;
    this.outageNotified = true;
    this.outageMessages++;
    const showLog = vscode.l10n.t('Show Log');
    const signIn = vscode.l10n.t('Sign in to GitHub');
    const label = action === 'showLog' ? showLog : action === 'signIn' ? signIn : undefined;
    const shown = label ? vscode.window.showWarningMessage(message, label) : vscode.window.showWarningMessage(message);
    void Promise.resolve(shown).then((choice) => {
      if (choice === showLog) this.deps.log.show();
      if (choice === signIn) void vscode.commands.executeCommand('multiplier.github.signIn');
    });
  }

  private scheduleNext(pollMinutes: unknown): void {
    this.timer?.dispose();
    if (this.deps.state.status === 'signedOut') return;
    const { clock, state } = this.deps;
    const now = clock.now();
    const delay = nextPollDelay({
      intervalMs: pollIntervalMs(pollMinutes),
      now,
      consecutiveFailures: this.failures,
      blockedUntil: state.blockedUntil,
    });
    this.nextPollAt = now + delay;
    this.timer = clock.at(this.nextPollAt, () => void this.refresh('poll'));
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}

/** What of the git state should trigger a refresh: branch, upstream and how far behind. */
function gitKey(snaps: readonly RepoSnapshot[]): string {
  return snaps.map((s) => `${s.repoRoot}|${s.branch ?? ''}|${s.upstream ?? ''}|${s.behind}`).join('\n');
}
