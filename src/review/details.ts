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
import { fetchMergeBase, fetchPullDetails } from './source/pullDetails';

export interface DetailsResult {
  details?: PullDetails;
  /** Our own words when the details are old or missing ("offline · details from 12 min ago"). */
  notice?: string;
}

export type CostKind = 'overview' | 'diff';

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

  /** Fresh details through conditional requests; on failure the last copy (memory, then disk) with a notice. */
  async load(pr: PullRequest): Promise<DetailsResult> {
    const apiUrl = this.apiUrl();
    const memoryKey = `${apiUrl}\n${pr.key}`;
    try {
      const details = await this.withRequests('overview', (requests) => fetchPullDetails(requests, pr, () => this.deps.clock.now()));
      if (!details) return this.fallback(pr, l10n.t('Signed out of GitHub: sign in to load the details.'));
      const previous = this.memory.get(memoryKey);
      // The merge base stays valid while neither side moved.
      if (previous?.mergeBase && previous.pr.headSha === details.pr.headSha && previous.pr.baseSha === details.pr.baseSha)
        details.mergeBase = previous.mergeBase;
      this.memory.set(memoryKey, details);
      void this.contents.saveDetails(apiUrl, details);
      return { details };
    } catch (error) {
      this.deps.log.warn(`review overview: ${pr.key}: ${error instanceof Error ? error.message : String(error)}`);
      const what = isGitHubError(error, 'offline')
        ? l10n.t('offline')
        : isGitHubError(error, 'rate-limited')
          ? l10n.t('GitHub rate limit')
          : isGitHubError(error, 'not-found')
            ? l10n.t('GitHub no longer shows this pull request')
            : l10n.t('GitHub answered with an error');
      return this.fallback(pr, what);
    }
  }

  private async fallback(pr: PullRequest, what: string): Promise<DetailsResult> {
    const apiUrl = this.apiUrl();
    const details = this.memory.get(`${apiUrl}\n${pr.key}`) ?? (await this.contents.loadDetails(apiUrl, pr.key));
    if (!details) return { notice: l10n.t('{0} · no details saved for this pull request yet', what) };
    this.memory.set(`${apiUrl}\n${pr.key}`, details);
    return { details, notice: l10n.t('{0} · details from {1}', what, describeAge(this.deps.clock.now() - details.fetchedAt)) };
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
