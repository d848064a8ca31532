/**
 * Team Health's state: which repository and period the lead looks at, the history and GitHub data
 * read for it, and the report computed from them. Nothing happens until a view or command asks
 * (`ensure`). Then history is read through the git source, GitHub data is added when the user is
 * signed in (git-only figures are shown first, so a slow or absent network never blocks the view),
 * and the report is computed in steps with pauses between them, so a 100k-commit history never holds
 * the extension host for the whole computation. It recomputes when new commits land, the period or a
 * setting changes, or the GitHub account changes. No `vscode` import: unit-tested in plain Node.
 */
import * as l10n from '@vscode/l10n';
import { botMatcher, type BotMatcher } from '../core/bots';
import type { Clock, Timer } from '../core/clock';
import { Emitter } from '../core/event';
import type { WorkingSchedule } from '../core/time/businessHours';
import type { GitApi, HistoryModel, RepoSnapshot } from '../git/api';
import type { GitHubApi, GitHubConnection } from '../github/api';
import { fromHistory } from './model/fromHistory';
import type { GitHubPullRequestData, HealthInput, HealthRelease } from './model/input';
import type { HealthOptions } from './model/options';
import { weeklyPeriod } from './model/period';
import { computeHealthInSteps, type HealthReport } from './model/report';
import type { HealthSettings } from './model/settings';
import { fetchDeployments, fetchGitHubReleases, fetchPullRequestData } from './source/github';
import { PERIOD_CHOICES, type PeriodChoice } from './view/protocol';

export type HealthStatus = 'idle' | 'loading' | 'ready' | 'error' | 'untrusted' | 'noRepository' | 'gitMissing';

/** What the views render: plain data. */
export interface HealthView {
  status: HealthStatus;
  repositories: { root: string; label: string }[];
  /** The repository shown. */
  root?: string;
  label?: string;
  weeks: PeriodChoice;
  /** What is being read or computed right now, when something is. */
  busy?: string;
  report?: HealthReport;
  /** GitHub data went into the report. */
  signedIn: boolean;
  /** Why GitHub data is missing or partial, when it is. */
  githubNote?: string;
  /** About the data, for the views to show beside the report's own notes (which branch, GitHub). */
  notes: string[];
  error?: string;
}

export interface HealthLog {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface HealthControllerDeps {
  git: GitApi;
  github: GitHubApi;
  clock: Clock;
  settings: () => HealthSettings;
  /** `multiplier.botAuthors`, as configured. */
  botAuthors: () => unknown;
  /** `multiplier.workingHours.*` (the nudge scheduler's reading of them). */
  schedule: () => WorkingSchedule;
  /** The period last chosen, kept per workspace. */
  period: { get(): unknown; set(weeks: PeriodChoice): void };
  /** Yields to the event loop between steps of the computation. */
  pause: () => Promise<void>;
  log: HealthLog;
}

const DEFAULT_WEEKS: PeriodChoice = 12;
/** Reviews are read for at most this many merged PRs a repository (newest first). */
const MAX_DETAILED_PRS = 300;
const MAX_DEPLOYMENTS = 300;
/** After new commits, wait this long for more (a pull or a rebase lands many at once). */
const HEAD_DEBOUNCE_MS = 2_000;
/** A report older than this is computed again when a view asks (its "now" has moved on). */
const STALE_AFTER_MS = 60 * 60_000;

interface GitHubState {
  /** API URL and `owner/repo` the data came from. */
  key: string;
  pullRequests: Map<number, GitHubPullRequestData>;
  releases?: { source: string; list: HealthRelease[] };
  skipped: number;
}

interface RepoState {
  model?: HistoryModel;
  files?: { tip: string; list?: string[] };
  /**
   * Merge bases with HEAD of the releases whose commit is not in HEAD's history (tags, and GitHub
   * deployments of commits elsewhere), asked once per HEAD and commit. A new map when it grows.
   */
  releaseBases?: { tip: string; map?: ReadonlyMap<string, readonly string[]>; asked: Set<string> };
  github?: GitHubState;
  githubNote?: string;
  input?: {
    model: HistoryModel;
    github?: GitHubState;
    files?: readonly string[];
    releases?: readonly HealthRelease[];
    bases?: ReadonlyMap<string, readonly string[]>;
    value: HealthInput;
  };
  report?: HealthReport;
  reportWeeks?: PeriodChoice;
  /** HEAD the last report was read at. */
  head?: string;
}

export class HealthController {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly repos = new Map<string, RepoState>();
  private readonly subscriptions: { dispose(): void }[] = [];
  private started = false;
  private disposed = false;
  private selected: string | undefined;
  private weeksChosen: PeriodChoice;
  private busy: string | undefined;
  private error: string | undefined;
  private generation = 0;
  private running: Promise<void> | undefined;
  private headTimer: Timer | undefined;
  private matcher: { key: string; isBot: BotMatcher } | undefined;

  constructor(private readonly deps: HealthControllerDeps) {
    const saved = deps.period.get();
    this.weeksChosen = PERIOD_CHOICES.includes(saved as PeriodChoice) ? (saved as PeriodChoice) : DEFAULT_WEEKS;
  }

  // ------------------------------------------------------------------ what the views read

  view(): HealthView {
    const repositories = this.repositories();
    const root = this.root();
    const repo = root ? this.repos.get(root) : undefined;
    // While another period is computed, the last report stays on screen (a period switch is quick).
    const report = repo?.report;
    return {
      status: this.status(repositories.length),
      repositories,
      root,
      label: repositories.find((r) => r.root === root)?.label,
      weeks: this.weeksChosen,
      busy: this.busy,
      report,
      signedIn: report?.flow.mode === 'github',
      githubNote: repo?.githubNote,
      notes: [branchNote(this.deps.git.snapshots.find((s) => s.repoRoot === root)), repo?.githubNote].filter((n): n is string => !!n),
      error: this.error,
    };
  }

  get weeks(): PeriodChoice {
    return this.weeksChosen;
  }

  private status(repositoryCount: number): HealthStatus {
    const git = this.deps.git.status;
    if (git === 'untrusted') return 'untrusted';
    if (git === 'git-missing') return 'gitMissing';
    const root = this.root();
    const repo = root ? this.repos.get(root) : undefined;
    if (repo?.report) return 'ready';
    if (this.error) return 'error';
    if (repositoryCount === 0) return git === 'starting' ? 'loading' : 'noRepository';
    return this.started ? 'loading' : 'idle';
  }

  repositories(): { root: string; label: string }[] {
    const snaps = this.deps.git.snapshots;
    return snaps.map((s) => ({ root: s.repoRoot, label: labelOf(s.repoRoot, snaps) }));
  }

  private root(): string | undefined {
    const roots = this.deps.git.snapshots.map((s) => s.repoRoot);
    if (this.selected && roots.includes(this.selected)) return this.selected;
    return roots[0];
  }

  // ------------------------------------------------------------------ what the user does

  /** Starts following the workspace and computes the report if there is none yet (or it is stale). */
  ensure(): Promise<void> {
    this.start();
    const root = this.root();
    const repo = root ? this.repos.get(root) : undefined;
    const fresh = repo?.report && repo.reportWeeks === this.weeksChosen && this.deps.clock.now() - repo.report.generatedAt < STALE_AFTER_MS;
    if (fresh) return this.running ?? Promise.resolve();
    if (this.running) return this.running;
    // After a failure, only Refresh tries again: a view that re-renders must not retry in a loop.
    if (this.error) return Promise.resolve();
    return this.run({ reread: !repo?.model });
  }

  /** Reads history and GitHub again, then recomputes. */
  refresh(): Promise<void> {
    this.start();
    this.error = undefined;
    const root = this.root();
    const repo = root ? this.repos.get(root) : undefined;
    if (repo) repo.githubNote = undefined;
    return this.run({ reread: true, github: true });
  }

  setWeeks(weeks: PeriodChoice): Promise<void> {
    if (!PERIOD_CHOICES.includes(weeks)) return Promise.resolve();
    if (weeks !== this.weeksChosen) {
      this.weeksChosen = weeks;
      this.deps.period.set(weeks);
      this.changed.fire();
    }
    return this.ensure();
  }

  select(root: string): Promise<void> {
    if (!this.repositories().some((r) => r.root === root)) return Promise.resolve();
    if (root !== this.root()) {
      this.selected = root;
      this.error = undefined;
      this.changed.fire();
    }
    return this.ensure();
  }

  /** A Team Health setting (or bots, working hours) changed: recompute from what was read. */
  settingsChanged(): Promise<void> {
    if (!this.started) return Promise.resolve();
    return this.run({ reread: false });
  }

  /** Resolves when the computation under way (if any) is done. */
  whenIdle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  dispose(): void {
    this.disposed = true;
    this.headTimer?.dispose();
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.changed.dispose();
  }

  // ------------------------------------------------------------------ following the workspace

  private start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    const { git, github } = this.deps;
    this.subscriptions.push(
      git.onDidChangeSnapshots((snaps) => this.snapshotsChanged(snaps)),
      git.onDidChangeStatus(() => {
        this.changed.fire();
        if (git.status === 'ready' && !this.running) void this.ensure();
      }),
      github.onDidChange(() => {
        for (const repo of this.repos.values()) {
          repo.github = undefined;
          repo.githubNote = undefined;
        }
        void this.run({ reread: false, github: true });
      }),
    );
  }

  private snapshotsChanged(snaps: readonly RepoSnapshot[]): void {
    const root = this.root();
    const snap = snaps.find((s) => s.repoRoot === root);
    const repo = root ? this.repos.get(root) : undefined;
    if (!snap || !repo?.model) {
      this.changed.fire(); // a repository appeared or went away
      if (snap && !this.running && !repo?.report) void this.ensure();
      return;
    }
    if (snap.head && snap.head !== repo.head) {
      // New commits (or a checkout): read history again once things settle.
      this.headTimer?.dispose();
      this.headTimer = this.deps.clock.after(HEAD_DEBOUNCE_MS, () => void this.run({ reread: true }));
    }
  }

  // ------------------------------------------------------------------ computing

  private run(options: { reread: boolean; github?: boolean }): Promise<void> {
    const root = this.root();
    if (!root || this.deps.git.status === 'untrusted') {
      this.changed.fire();
      return Promise.resolve();
    }
    const generation = ++this.generation;
    const run = this.compute(root, generation, options).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async compute(root: string, generation: number, options: { reread: boolean; github?: boolean }): Promise<void> {
    const stale = () => generation !== this.generation || this.disposed;
    let repo = this.repos.get(root);
    if (!repo) this.repos.set(root, (repo = {}));
    const started = performance.now();
    try {
      if (options.reread || !repo.model) {
        this.setBusy(repo.model ? l10n.t('Reading new commits…') : l10n.t('Reading history…'));
        const model = await this.deps.git.history(root);
        if (stale()) return;
        repo.model = model;
      }
      const model = repo.model;
      if (model.tip && repo.files?.tip !== model.tip) {
        this.setBusy(l10n.t('Listing the files at HEAD…'));
        const list = await this.deps.git.filesAt(root, model.tip).catch((error: unknown) => {
          this.deps.log.error(`health: could not list the files of ${root} at HEAD; inferring them from history`, error);
          return undefined;
        });
        if (stale()) return;
        repo.files = { tip: model.tip, list };
      }
      await this.findReleaseBases(root, repo, model);
      if (stale()) return;

      const settings = this.deps.settings();
      const connection = await this.connection();
      if (stale()) return;
      const githubRepo = connection ? this.githubRepoOf(root) : undefined;
      const key = githubRepo ? `${this.deps.github.config().apiUrl}|${githubRepo}` : undefined;
      const needsGitHub = key !== undefined && (options.github || repo.github?.key !== key || !this.releasesCurrent(repo.github, settings));
      if (!key) {
        repo.github = undefined;
        repo.githubNote = connection
          ? l10n.t("This repository's remotes are not on the configured GitHub host, so there are no reviews to read.")
          : undefined;
      }

      // Git-only figures first when GitHub data is still to be read: the view never waits on the network.
      if (needsGitHub && !repo.github) {
        await this.publish(root, repo, settings, stale, l10n.t('Reading reviews from GitHub…'));
        if (stale()) return;
      }
      if (needsGitHub && connection && githubRepo && key) {
        await this.readGitHub(repo, connection, githubRepo, key, settings, stale);
        if (stale()) return;
        await this.findReleaseBases(root, repo, model); // deployments may be of commits elsewhere too
        if (stale()) return;
      }
      await this.publish(root, repo, settings, stale, undefined);
      if (stale()) return;
      repo.head = this.deps.git.snapshots.find((s) => s.repoRoot === root)?.head ?? model.tip;
      this.deps.log.info(
        `health: ${this.weeksChosen}-week report for ${root} in ${Math.round(performance.now() - started)} ms (${model.commits.length} commits${repo.github ? ', with GitHub reviews' : ''})`,
      );
    } catch (error) {
      if (stale()) return;
      this.deps.log.error(`health: could not compute Team Health for ${root}`, error);
      this.error = error instanceof Error ? error.message : String(error);
      this.busy = undefined;
      this.changed.fire();
    }
  }

  /**
   * A release on a maintenance branch (a tag, or a GitHub deployment of a commit there) contains the
   * HEAD commits below its merge bases with HEAD: asks git for those of the releases not asked yet.
   */
  private async findReleaseBases(root: string, repo: RepoState, model: HistoryModel): Promise<void> {
    if (!model.tip) return;
    if (repo.releaseBases?.tip !== model.tip) repo.releaseBases = { tip: model.tip, asked: new Set() };
    const bases = repo.releaseBases;
    const candidates = [...model.releases.map((r) => r.commit), ...(repo.github?.releases?.list ?? []).map((r) => r.commit)];
    const fresh = [...new Set(candidates)].filter((c) => !bases.asked.has(c));
    if (fresh.length === 0) return; // a refresh at the same HEAD: nothing new to look at
    for (const commit of fresh) bases.asked.add(commit);
    const known = new Set(model.commits.map((c) => c.hash));
    const off = fresh.filter((c) => !known.has(c));
    if (off.length === 0) return;
    const found = await this.deps.git.mergeBases(root, model.tip, off).catch((error: unknown) => {
      this.deps.log.error(`health: could not find what the releases off HEAD's history contain in ${root}`, error);
      return undefined;
    });
    if (found && found.size > 0) bases.map = new Map([...(bases.map ?? []), ...found]);
  }

  /** Computes the report from what is known now and shows it; `busy` says what is still coming. */
  private async publish(
    root: string,
    repo: RepoState,
    settings: HealthSettings,
    stale: () => boolean,
    busy: string | undefined,
  ): Promise<void> {
    this.setBusy(repo.report ? (busy ?? l10n.t('Updating the figures…')) : l10n.t('Computing the figures…'));
    const input = this.inputOf(repo, settings);
    await this.deps.pause();
    if (stale()) return;
    const report = await computeHealthInSteps(input, this.options(settings), this.deps.pause);
    if (stale()) return;
    repo.report = report;
    repo.reportWeeks = this.weeksChosen;
    this.error = undefined;
    this.busy = busy;
    if (root === this.root()) this.changed.fire();
  }

  private inputOf(repo: RepoState, settings: HealthSettings): HealthInput {
    const model = repo.model!;
    const files = repo.files?.tip === model.tip ? repo.files?.list : undefined;
    const releases = settings.releaseSource === 'tag' ? undefined : repo.github?.releases?.list;
    const bases = repo.releaseBases?.tip === model.tip ? repo.releaseBases?.map : undefined;
    const known = repo.input;
    if (
      known &&
      known.model === model &&
      known.github === repo.github &&
      known.files === files &&
      known.releases === releases &&
      known.bases === bases
    ) {
      return known.value;
    }
    const value = fromHistory(model, { github: repo.github?.pullRequests, extraReleases: releases, headFiles: files, releaseBases: bases });
    repo.input = { model, github: repo.github, files, releases, bases, value };
    return value;
  }

  private options(settings: HealthSettings): HealthOptions {
    const schedule = this.deps.schedule();
    return {
      now: this.deps.clock.now(),
      weeks: this.weeksChosen,
      timeZone: schedule.timeZone,
      businessHours: settings.businessHours ? schedule : undefined,
      isBot: this.isBot(),
      targets: settings.targets,
      release: {
        source: settings.releaseSource,
        // '' is "every one" (undefined would bring the default pattern back). The pattern names tags
        // and GitHub releases, as the setting says; a deployment is chosen by its environment.
        pattern: settings.releaseSource === 'deployment' ? '' : settings.releasePattern,
        environment: settings.releaseSource === 'deployment' ? settings.deploymentEnvironment || undefined : undefined,
      },
      failure: {
        windowDays: settings.failureWindowDays,
        hotfixSubject: settings.hotfixSubjectPattern,
        hotfixBranch: settings.hotfixBranchPattern,
      },
      knowledge: { inactiveDays: settings.inactiveDays, aliases: settings.authorAliases, excludePaths: settings.excludePaths },
    };
  }

  /** One matcher per setting value: the metrics remember what they derived per matcher. */
  private isBot(): BotMatcher {
    const configured = this.deps.botAuthors();
    const key = JSON.stringify(configured ?? null);
    if (this.matcher?.key !== key) this.matcher = { key, isBot: botMatcher(configured) };
    return this.matcher.isBot;
  }

  private setBusy(message: string | undefined): void {
    if (this.busy === message) return;
    this.busy = message;
    this.changed.fire();
  }

  // ------------------------------------------------------------------ GitHub

  private async connection(): Promise<GitHubConnection | undefined> {
    try {
      return await this.deps.github.connect();
    } catch (error) {
      this.deps.log.error('health: could not connect to GitHub', error);
      return undefined;
    }
  }

  /** `owner/repo` of the repository's GitHub remote: `upstream` first (forks), then `origin`, then any. */
  githubRepoOf(root: string): string | undefined {
    const snap = this.deps.git.snapshots.find((s) => s.repoRoot === root);
    if (!snap) return undefined;
    const rank = (name: string) => (name === 'upstream' ? 0 : name === 'origin' ? 1 : 2);
    for (const remote of [...snap.remotes].sort((a, b) => rank(a.name) - rank(b.name))) {
      const repo = this.deps.github.repoOfRemote(remote.fetchUrl ?? remote.pushUrl ?? '');
      if (repo) return repo;
    }
    return undefined;
  }

  private releasesCurrent(github: GitHubState | undefined, settings: HealthSettings): boolean {
    if (settings.releaseSource === 'tag') return true;
    return github?.releases?.source === `${settings.releaseSource}|${settings.deploymentEnvironment}`;
  }

  private async readGitHub(
    repo: RepoState,
    connection: GitHubConnection,
    githubRepo: string,
    key: string,
    settings: HealthSettings,
    stale: () => boolean,
  ): Promise<void> {
    const client = connection.requests;
    const schedule = this.deps.schedule();
    const since = weeklyPeriod(this.deps.clock.now(), Math.max(...PERIOD_CHOICES), schedule.timeZone).start;
    const previous = repo.github?.key === key ? repo.github : undefined;
    try {
      const data = await fetchPullRequestData(client, {
        repo: githubRepo,
        since,
        maxDetailed: MAX_DETAILED_PRS,
        known: previous?.pullRequests,
        onProgress: (done, total) => {
          if (!stale() && total > 0) this.setBusy(l10n.t('Reading reviews from GitHub ({0} of {1} pull requests)…', done, total));
        },
      });
      if (stale()) return;
      let releases = previous?.releases;
      const releaseKey = `${settings.releaseSource}|${settings.deploymentEnvironment}`;
      if (settings.releaseSource !== 'tag' && releases?.source !== releaseKey) {
        this.setBusy(
          settings.releaseSource === 'deployment' ? l10n.t('Reading deployments from GitHub…') : l10n.t('Reading releases from GitHub…'),
        );
        const tags = new Map(repo.model!.releases.map((r) => [r.tag, r.commit]));
        const list =
          settings.releaseSource === 'deployment'
            ? await fetchDeployments(client, githubRepo, settings.deploymentEnvironment, since, MAX_DEPLOYMENTS)
            : await fetchGitHubReleases(client, githubRepo, (tag) => tags.get(tag));
        if (stale()) return;
        releases = { source: releaseKey, list };
      }
      repo.github = { key, pullRequests: data.pullRequests, releases, skipped: data.skipped };
      repo.githubNote =
        data.skipped > 0
          ? data.skipped === 1
            ? l10n.t(
                'Reviews were read for the {0} most recently merged pull requests; 1 older one counts from git alone.',
                MAX_DETAILED_PRS,
              )
            : l10n.t(
                'Reviews were read for the {0} most recently merged pull requests; {1} older ones count from git alone.',
                MAX_DETAILED_PRS,
                data.skipped,
              )
          : undefined;
    } catch (error) {
      if (stale()) return;
      const reason = error instanceof Error ? error.message : String(error);
      this.deps.log.error(`health: could not read ${githubRepo} from GitHub`, error);
      repo.githubNote = l10n.t('GitHub could not be read ({0}), so these figures come from git alone.', reason);
    } finally {
      await connection.save();
    }
  }
}

/** The folder name, or enough of the path to tell two repositories with the same name apart. */
function labelOf(root: string, all: readonly RepoSnapshot[]): string {
  const parts = root.split(/[\\/]/).filter(Boolean);
  const name = parts[parts.length - 1] ?? root;
  const same = all.filter((s) => s.repoRoot !== root && s.repoRoot.split(/[\\/]/).filter(Boolean).pop() === name);
  return same.length === 0 || parts.length < 2 ? name : `${parts[parts.length - 2]}/${name}`;
}

/** Names a default branch usually has; on any other, the figures leave out what was merged elsewhere. */
const MAINLINE = /^(main|master|trunk|develop|development|default)$/;

/** Says which history the figures come from when it is not the mainline's. */
function branchNote(snap: RepoSnapshot | undefined): string | undefined {
  if (!snap?.head) return undefined;
  if (snap.detached) {
    return l10n.t('Figures from a detached HEAD: work merged elsewhere since is not counted.');
  }
  if (snap.branch && !MAINLINE.test(snap.branch)) {
    return l10n.t('Figures from {0}, the branch checked out: work merged elsewhere since it branched off is not counted.', snap.branch);
  }
  return undefined;
}
