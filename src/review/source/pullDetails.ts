/**
 * The PR overview's data: the pull request itself (fresh), its reviews, changed files, check runs
 * and timeline, all through the ETag cache, so re-opening an unchanged PR costs no rate limit.
 * The merge base (for the diff) is asked for only when the changes are opened. No `vscode` import.
 */
import { isGitHubError, type GitHubRequests } from '../../github/api';
import { checkStatusOf, type PullDetails } from '../model/pullDetails';
import type { PullRequest } from '../model/pullRequest';
import { checkRunListProjection, filesProjection, mergeBaseProjection, timelineProjection } from './detailProjections';
import { pullProjection, reviewsProjection } from './projections';

const enc = (repo: string) => repo.split('/').map(encodeURIComponent).join('/');

/** A pull request named by where it lives: `owner/repo` on the configured GitHub, and its number. */
export interface PullRef {
  repo: string;
  number: number;
}

/**
 * `queued` is the queue's copy when the pull request is in the queue: what only the queue computes
 * (requests, stacked authors) is kept. Without it (a merged pull request opened from Team Health)
 * the details stand alone.
 */
export async function fetchPullDetails(
  requests: GitHubRequests,
  ref: PullRef,
  queued: PullRequest | undefined,
  now: () => number,
): Promise<PullDetails> {
  const base = `repos/${enc(ref.repo)}`;
  const n = ref.number;
  const fresh = await requests.get(`${base}/pulls/${n}`, pullProjection);
  const pr: PullRequest = {
    ...fresh,
    reviewRequests: queued?.reviewRequests ?? [],
    readyAt: queued?.readyAt,
    stackedAuthors: queued?.stackedAuthors,
    reviews: await requests.getAll(`${base}/pulls/${n}/reviews?per_page=100`, reviewsProjection),
  };
  const files = await requests.getAll(`${base}/pulls/${n}/files?per_page=100`, filesProjection);
  const checkRuns = await requests.getAll(
    `${base}/commits/${encodeURIComponent(pr.headSha)}/check-runs?per_page=100`,
    checkRunListProjection,
  );
  pr.checks = checkRuns.length > 0 ? checkStatusOf(checkRuns) : (queued?.checks ?? 'none');
  const timeline = await requests.getAll(`${base}/issues/${n}/timeline?per_page=100`, timelineProjection);
  return {
    pr,
    files,
    filesTruncated: pr.changedFiles !== undefined && files.length < pr.changedFiles,
    checkRuns,
    timeline: timeline.sort((a, b) => a.at - b.at),
    fetchedAt: now(),
  };
}

/** The commit the diff starts from; the base commit itself when GitHub cannot compare (a force-push removed it). */
export async function fetchMergeBase(requests: GitHubRequests, pr: PullRequest): Promise<string | undefined> {
  if (!pr.baseSha) return undefined;
  try {
    return await requests.get(
      `repos/${enc(pr.repo)}/compare/${encodeURIComponent(pr.baseSha)}...${encodeURIComponent(pr.headSha)}?per_page=1`,
      mergeBaseProjection,
    );
  } catch (error) {
    if (isGitHubError(error, 'not-found')) return pr.baseSha;
    throw error;
  }
}
