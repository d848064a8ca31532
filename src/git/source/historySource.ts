/**
 * Keeps each repository's history in memory and on disk, and refreshes it on demand. Concurrent
 * callers share one refresh; the cache file is written in the background after a change, so a
 * caller waits only for git. No `vscode` import.
 */
import type { HistoryModel } from '../api';
import { createHistoryModel, type OwnershipSettings } from '../model/historyModel';
import { refreshHistory, type ReaderState, type RefreshMode } from './historyReader';
import { loadHistoryCache, saveHistoryCache, type CachedHistory } from './historyStore';
import type { GitRunner } from './runGit';

export interface HistorySourceOptions {
  git: GitRunner;
  /** Folder for cache files; no disk cache when undefined. */
  storageDir?: string;
  halfLifeDays: () => number;
  /** `multiplier.botAuthors`, already cleaned (botAuthorList). */
  botAuthors?: () => readonly string[];
  maxCommits: () => number;
  timeoutMs?: number;
  /** Aborted when the workspace closes: kills every git process still running. */
  signal: AbortSignal;
  /** The one clock's "now" (ms): when a model is read, the reference time of ownership's decay. */
  now: () => number;
  onRefreshed?: (repoRoot: string, mode: RefreshMode, commitsRead: number, ms: number) => void;
  onError?: (message: string, error: unknown) => void;
}

interface RepoEntry {
  cached?: CachedHistory;
  /** Paths and tags the reader keeps between refreshes (memory only). */
  reader?: ReaderState;
  model?: HistoryModel;
  /** The ownership settings `model` was built with, to rebuild it when they change. */
  settingsKey?: string;
  diskLoaded: boolean;
  inflight?: Promise<HistoryModel>;
  writing?: Promise<void>;
  writeAgain?: boolean;
}

export class HistorySource {
  private readonly repos = new Map<string, RepoEntry>();

  constructor(private readonly options: HistorySourceOptions) {}

  history(repoRoot: string): Promise<HistoryModel> {
    if (this.options.signal.aborted) return Promise.reject(new Error('git engine disposed'));
    let entry = this.repos.get(repoRoot);
    if (!entry) this.repos.set(repoRoot, (entry = { diskLoaded: false }));
    if (entry.inflight) return entry.inflight;
    const run = this.refresh(repoRoot, entry).finally(() => {
      if (entry.inflight === run) entry.inflight = undefined;
    });
    entry.inflight = run;
    return run;
  }

  /** Resolves when pending cache writes are done (tests, benchmark). */
  async flush(): Promise<void> {
    await Promise.all([...this.repos.values()].map((e) => e.writing));
  }

  private async refresh(repoRoot: string, entry: RepoEntry): Promise<HistoryModel> {
    const started = performance.now(); // for the log line only
    if (!entry.diskLoaded) {
      entry.diskLoaded = true;
      if (this.options.storageDir && !entry.cached) {
        entry.cached = await loadHistoryCache(this.options.storageDir, repoRoot).catch(() => undefined);
      }
    }
    const result = await refreshHistory(
      {
        git: this.options.git,
        repoRoot,
        signal: this.options.signal,
        timeoutMs: this.options.timeoutMs,
        maxCommits: this.options.maxCommits(),
      },
      entry.cached,
      entry.reader,
    );
    const changed = result.mode !== 'unchanged' || !entry.model;
    entry.cached = result.history;
    entry.reader = result.state;
    // Tags not re-read (their files did not change) keep their array: no comparison needed.
    const releasesSame =
      entry.model &&
      (entry.model.releases === result.releases ||
        (JSON.stringify(entry.model.releases) === JSON.stringify(result.releases) &&
          JSON.stringify(entry.model.skippedTags) === JSON.stringify(result.skipped)));
    const settings: OwnershipSettings = { halfLifeDays: this.options.halfLifeDays(), botAuthors: this.options.botAuthors?.() ?? [] };
    const settingsKey = JSON.stringify(settings);
    if (changed || !releasesSame || settingsKey !== entry.settingsKey) {
      entry.model = createHistoryModel(
        { ...result.history, shallow: result.shallow, releases: result.releases, skippedTags: result.skipped, readAt: this.options.now() },
        settings,
      );
      entry.settingsKey = settingsKey;
    }
    if (result.mode !== 'unchanged') this.scheduleWrite(entry);
    this.options.onRefreshed?.(repoRoot, result.mode, result.read, Math.round(performance.now() - started));
    return entry.model!;
  }

  /** One write at a time per repository; a change during a write schedules exactly one more. */
  private scheduleWrite(entry: RepoEntry): void {
    const dir = this.options.storageDir;
    if (!dir) return;
    if (entry.writing) {
      entry.writeAgain = true;
      return;
    }
    entry.writing = (async () => {
      do {
        entry.writeAgain = false;
        const snapshot = entry.cached;
        if (snapshot) {
          await saveHistoryCache(dir, snapshot).catch((error) => this.options.onError?.('could not write the history cache', error));
        }
      } while (entry.writeAgain && !this.options.signal.aborted);
      entry.writing = undefined;
    })();
  }
}
