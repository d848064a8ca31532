/**
 * The PR overview's data and the contents its diffs show: details fetched through the ETag cache
 * (kept in memory, and on disk for offline use), the merge base on demand, and file contents from
 * the content store. Counts what each kind of request cost, for the log and the tests.
 */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/vscode/logger';
import { isGitHubError, type GitHubApi, type GitHubRequests, type RequestStats } from '../github/api';
import type { PullDetails } from './model/pullDetails';
import type { PullRequest } from './model/pullRequest';
import { describeAge } from './policy/pollPlanner';
import { ContentStore, type ContentRequest } from './source/contents';
import type { FileContent } from './source/detailProjections';
import { fetchMergeBase, fetchPullDetails, type PullRef } from './source/pullDetails';

/** Why the details shown are not fresh from GitHub. */
export type DetailsProblem = 'signed-out' | 'offline' | 'rate-limited' | 'not-found' | 'failed';

export interface DetailsResult {
  details?: PullDetails;
  /** Our own words when the details are old or missing ("offline · details from 12 min ago"). */
  notice?: string;
  /** Set whenever the details are not fresh from GitHub. */
  problem?: DetailsProblem;
}

export type CostKind = 'overview' | 'diff';

/** What a failed request means for the page; a 410 Gone is as final as a 404. */
export function detailsProblemOf(error: unknown): Exclude<DetailsProblem, 'signed-out'> {
  if (isGitHubError(error, 'offline')) return 'offline';
  if (isGitHubError(error, 'rate-limited')) return 'rate-limited';
  if (isGitHubError(error, 'not-found') || (isGitHubError(error, 'http') && error.status === 410)) return 'not-found';
  return 'failed';
}

/** Translated when read, not when the module loads (the translations are configured at activation). */
const problemWords = (): Record<DetailsProblem, string> => ({
  'signed-out': l10n.t('Signed out of GitHub: sign in to load the details.'),
  offline: l10n.t('offline'),
  'rate-limited': l10n.t('GitHub rate limit'),
  'not-found': l10n.t('GitHub no longer shows this pull request'),
  failed: l10n.t('GitHub answered with an error'),
});

export class PullDetailsLoader {
  private readonly memory = new Map<string, PullDetails>();
  readonly contents: ContentStore;
  /** What overview and diff requests cost since the window opened. */
  readonly costs: Record<CostKind, RequestStats> = {
    overview: { requests: 0, notModified: 0, points: 0 },
    diff: { requests: 0, notModified: 0, points: 0 },
  };

  constructor(private readonly deps: { github: GitHubApi; clock: Clock; log: Logger; storageDir: string }) {
    this.contents = new ContentStore(path.join(deps.storageDir, 'pr-contents'));
  }

  private apiUrl(): string {
    return this.deps.github.config().apiUrl;
  }

  /** The last details seen for a pull request, without asking GitHub. */
  known(key: string): PullDetails | undefined {
    return this.memory.get(`${this.apiUrl()}\n${key}`);
  }

  /** Runs `work` on a fresh connection and adds what it cost to `kind`. Undefined when signed out. */
  private async withRequests<T>(kind: CostKind, work: (requests: GitHubRequests) => Promise<T>): Promise<T | undefined> {
    const connection = await this.deps.github.connect();
    if (!connection) return undefined;
    try {
      return await work(connection.requests);
    } finally {
      const s = connection.requests.stats;
      const c = this.costs[kind];
      c.requests += s.requests;
      c.notModified += s.notModified;
      c.points += s.points;
      void connection.save();
    }
  }

  /** A queued pull request's details through conditional requests; on failure the last copy (memory, then disk) with a notice. */
  load(pr: PullRequest): Promise<DetailsResult> {
    return this.fetch({ repo: pr.repo, number: pr.number }, pr.key, pr);
  }

  /**
   * Any pull request on the configured GitHub, by repository and number (a merged one from Team
   * Health). Signed out, no saved copy is shown: what another sign-in saw is not this one's to read.
   */
  loadByNumber(ref: PullRef): Promise<DetailsResult> {
    return this.fetch(ref, `${ref.repo}#${ref.number}`, undefined);
  }

  private async fetch(ref: PullRef, key: string, queued: PullRequest | undefined): Promise<DetailsResult> {
    const apiUrl = this.apiUrl();
    try {
      const details = await this.withRequests('overview', (requests) =>
        fetchPullDetails(requests, ref, queued, () => this.deps.clock.now()),
      );
      if (!details) return queued ? this.fallback(key, 'signed-out') : { problem: 'signed-out' };
      const memoryKey = `${apiUrl}\n${details.pr.key}`;
      const previous = this.memory.get(memoryKey);
      // The merge base stays valid while neither side moved.
      if (previous?.mergeBase && previous.pr.headSha === details.pr.headSha && previous.pr.baseSha === details.pr.baseSha)
        details.mergeBase = previous.mergeBase;
      this.memory.set(memoryKey, details);
      void this.contents.saveDetails(apiUrl, details);
      return { details };
    } catch (error) {
      this.deps.log.warn(`review overview: ${key}: ${error instanceof Error ? error.message : String(error)}`);
      return this.fallback(key, detailsProblemOf(error));
    }
  }

  private async fallback(key: string, problem: DetailsProblem): Promise<DetailsResult> {
    const apiUrl = this.apiUrl();
    const what = problemWords()[problem];
    const details = this.memory.get(`${apiUrl}\n${key}`) ?? (await this.contents.loadDetails(apiUrl, key));
    if (!details) return { notice: l10n.t('{0} · no details saved for this pull request yet', what), problem };
    this.memory.set(`${apiUrl}\n${key}`, details);
    return { details, notice: l10n.t('{0} · details from {1}', what, describeAge(this.deps.clock.now() - details.fetchedAt)), problem };
  }

  /** The commit the diff starts from, asked for once per head and base. */
  async mergeBase(details: PullDetails): Promise<string | undefined> {
    if (details.mergeBase) return details.mergeBase;
    const found = await this.withRequests('diff', (requests) => fetchMergeBase(requests, details.pr));
    if (found) {
      details.mergeBase = found;
      void this.contents.saveDetails(this.apiUrl(), details);
    }
    return found ?? details.pr.baseSha;
  }

  /** A file's contents at a commit: from the store, or fetched once. Undefined when signed out and not cached. */
  async content(ref: Omit<ContentRequest, 'apiUrl'>): Promise<FileContent | undefined> {
    const req = { ...ref, apiUrl: this.apiUrl() };
    const cached = await this.contents.cached(req);
    if (cached) {
      this.contents.stats.cached++;
      return cached;
    }
    return this.withRequests('diff', (requests) => this.contents.read(req, async () => requests)).then((c) => c ?? undefined);
  }
}
