/**
 * What Team Health asks GitHub, when the user is signed in: the pull requests merged in the longest
 * period the view offers, each one's reviews and ready-for-review events, and, when releases are
 * counted from GitHub, its releases or deployments. Every request goes through `GitHubRequests`,
 * so pages that did not change come back as 304s from the ETag cache and cost no rate limit.
 *
 * A merged pull request's reviews no longer change, so what was read once is kept (`known`) and not
 * asked for again: a second look at the dashboard costs the first page of the list and nothing else.
 * No `vscode` import.
 */
import type { GitHubRequests } from '../../github/api';
import type { GitHubPullRequestData, HealthRelease } from '../model/input';
import {
  closedPullsProjection,
  deployedAt,
  deploymentStatusesProjection,
  deploymentsProjection,
  draftEventsProjection,
  firstCommitProjection,
  healthReviewsProjection,
  mergeDraftEvents,
  releasesProjection,
  type ClosedPull,
} from './projections';

const PAGE = 100;
/** Pages of closed pull requests read at most (1,000 PRs). */
const MAX_LIST_PAGES = 10;

export interface GitHubHealthOptions {
  /** `owner/repo`. */
  repo: string;
  /** Merged before this (epoch ms) is not needed. */
  since: number;
  /** At most this many merged PRs get their reviews read (newest first); the rest count from git alone. */
  maxDetailed: number;
  /** Data already read for PRs merged before, by number: kept, not asked for again. */
  known?: ReadonlyMap<number, GitHubPullRequestData>;
  /** Called as reviews are read: (done, total). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface GitHubHealthData {
  /** By PR number: merged PRs of the period, with their reviews. */
  pullRequests: Map<number, GitHubPullRequestData>;
  /** Merged PRs in the period that were not detailed because of `maxDetailed`. */
  skipped: number;
}

const enc = (repo: string) => repo.split('/').map(encodeURIComponent).join('/');

function aborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new Error('cancelled');
}

/** Closed PRs updated since `since`, newest update first; GitHub has no filter by merge date. */
async function mergedSince(client: GitHubRequests, repo: string, since: number, signal?: AbortSignal): Promise<ClosedPull[]> {
  const merged: ClosedPull[] = [];
  for (let page = 1; page <= MAX_LIST_PAGES; page++) {
    aborted(signal);
    const pulls = await client.get(
      `repos/${enc(repo)}/pulls?state=closed&sort=updated&direction=desc&per_page=${PAGE}&page=${page}`,
      closedPullsProjection,
    );
    for (const pull of pulls) if (pull.mergedAt !== undefined && pull.mergedAt >= since) merged.push(pull);
    // Sorted by update: once a page ends before `since`, no later page can hold a PR merged after it.
    if (pulls.length < PAGE || pulls[pulls.length - 1].updatedAt < since) break;
  }
  return merged.sort((a, b) => (b.mergedAt ?? 0) - (a.mergedAt ?? 0));
}

export async function fetchPullRequestData(client: GitHubRequests, options: GitHubHealthOptions): Promise<GitHubHealthData> {
  const { repo, signal } = options;
  const merged = await mergedSince(client, repo, options.since, signal);
  const detailed = merged.slice(0, options.maxDetailed);
  const out = new Map<number, GitHubPullRequestData>();
  let done = 0;
  options.onProgress?.(0, detailed.length);
  for (const pull of detailed) {
    aborted(signal);
    const known = options.known?.get(pull.number);
    if (known) {
      out.set(pull.number, known);
    } else if (pull.author) {
      const base = `repos/${enc(repo)}`;
      const reviews = await client.getAll(`${base}/pulls/${pull.number}/reviews?per_page=${PAGE}`, healthReviewsProjection);
      const events = mergeDraftEvents(await client.getAll(`${base}/issues/${pull.number}/events?per_page=${PAGE}`, draftEventsProjection));
      const firsts = await client.getAll(`${base}/pulls/${pull.number}/commits?per_page=${PAGE}`, firstCommitProjection);
      out.set(pull.number, {
        author: pull.author,
        openedAt: pull.createdAt,
        readyAt: events.readyAt,
        wasDraft: events.wasDraft,
        reviews,
        url: /^https:\/\//.test(pull.url) ? pull.url : undefined,
        title: pull.title,
        firstCommitAt: firsts.length > 0 ? Math.min(...firsts) : undefined,
      });
    }
    options.onProgress?.(++done, detailed.length);
  }
  return { pullRequests: out, skipped: merged.length - detailed.length };
}

/**
 * Published GitHub releases as Team Health releases. A release's commit is its tag's, resolved by
 * `commitOfTag` from the local history; a tag the history does not know still counts as a release
 * (it contains no commits for lead time).
 */
export async function fetchGitHubReleases(
  client: GitHubRequests,
  repo: string,
  commitOfTag: (tag: string) => string | undefined,
): Promise<HealthRelease[]> {
  const releases = await client.getAll(`repos/${enc(repo)}/releases?per_page=${PAGE}`, releasesProjection);
  return releases.map((r) => ({ name: r.tag, commit: commitOfTag(r.tag) ?? '', date: r.publishedAt, source: 'github-release' as const }));
}

/**
 * Successful deployments to `environment` since `since`, dated when they succeeded. At most
 * `maxDeployments` get their statuses read (newest first).
 */
export async function fetchDeployments(
  client: GitHubRequests,
  repo: string,
  environment: string,
  since: number,
  maxDeployments: number,
  signal?: AbortSignal,
): Promise<HealthRelease[]> {
  const base = `repos/${enc(repo)}/deployments`;
  const env = environment ? `&environment=${encodeURIComponent(environment)}` : '';
  const deployments = (await client.getAll(`${base}?per_page=${PAGE}${env}`, deploymentsProjection))
    .filter((d) => d.createdAt >= since)
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, maxDeployments);
  const out: HealthRelease[] = [];
  for (const d of deployments) {
    aborted(signal);
    const at = deployedAt(await client.getAll(`${base}/${d.id}/statuses?per_page=${PAGE}`, deploymentStatusesProjection));
    if (at !== undefined)
      out.push({ name: `deployment ${d.id}`, commit: d.sha, date: at, source: 'deployment', environment: d.environment });
  }
  return out;
}

/** `https://github.com` for api.github.com; a GitHub Enterprise server's own origin otherwise. */
export function webBaseOf(apiUrl: string): string {
  try {
    const url = new URL(apiUrl);
    if (url.hostname === 'api.github.com') return 'https://github.com';
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'https://github.com';
  }
}
