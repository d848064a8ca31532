/**
 * One refresh of the review queue: who am I, which open PRs matter to me, and their details.
 * Sequential by design (the host gate serialises anyway); unchanged pages come back as 304s
 * from the ETag cache and cost no rate limit. No `vscode` import.
 */
import { isGitHubError, type GitHubRequests } from '../../github/api';
import { sameLogin, type PullRequest, type QueueData, type RepoFailure, type Viewer } from '../model/pullRequest';
import type { BranchRef } from '../model/queue';
import {
  checkRunsProjection,
  combinedStatusProjection,
  eventsProjection,
  mergeEvents,
  pullListProjection,
  pullProjection,
  reviewsProjection,
  searchProjection,
  teamsProjection,
  userProjection,
} from './projections';

export interface FetchOptions {
  /** `owner/repo` to list; when empty, GitHub search finds PRs requested of me or mine. */
  repositories: readonly string[];
  currentBranches: readonly BranchRef[];
  /** Bots are left out: `[bot]` logins and `multiplier.botAuthors` (the caller's matcher). */
  isBot: (login: string) => boolean;
  now: () => number;
  /** Detail requests are bounded so a huge organisation cannot drain the rate limit. */
  maxDetailed?: number;
}

const enc = (repo: string) => repo.split('/').map(encodeURIComponent).join('/');
const q = (query: string) => `search/issues?q=${encodeURIComponent(query)}&per_page=100`;
const REVIEWED_BY_ME = 'is:pr is:open archived:false reviewed-by:@me -author:@me';

export async function fetchViewer(client: GitHubRequests): Promise<Viewer> {
  const user = await client.get('user', userProjection);
  let teams: string[] = [];
  try {
    teams = await client.getAll('user/teams?per_page=100', teamsProjection);
  } catch (error) {
    // Without read:org GitHub answers 403/404; team requests then go unnoticed, direct ones still work.
    if (!isGitHubError(error, 'http') && !isGitHubError(error, 'not-found')) throw error;
  }
  return { login: user.login, teams };
}

function relevant(pr: PullRequest, viewer: Viewer, options: FetchOptions): boolean {
  if (options.isBot(pr.author)) return false;
  if (sameLogin(pr.author, viewer.login)) return true;
  const onBranch = options.currentBranches.some((b) => b.branch === pr.headRef && b.repo.toLowerCase() === pr.repo.toLowerCase());
  if (onBranch) return true;
  if (pr.draft) return false;
  const teams = new Set(viewer.teams);
  return pr.requestedReviewers.some((r) => sameLogin(r, viewer.login)) || pr.requestedTeams.some((t) => teams.has(t));
}

/**
 * A 404 or a 403 that is not a rate limit is about one repository (gone, renamed, or not visible to
 * this account): it degrades that repository only. Anything else (offline, rate limit, 5xx, a
 * broken answer) concerns the whole host and fails the refresh.
 */
function repoFailure(repo: string, error: unknown): RepoFailure | undefined {
  if (isGitHubError(error, 'not-found')) return { repo, reason: 'not-found', status: error.status ?? 404 };
  if (isGitHubError(error, 'http') && (error.status === 403 || error.status === 451))
    return { repo, reason: 'forbidden', status: error.status };
  return undefined;
}

/** Runs one repository's requests; a repository-only failure is recorded (once per repository) instead of thrown. */
async function perRepo<T>(repo: string, failed: RepoFailure[], work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    const failure = repoFailure(repo, error);
    if (!failure) throw error;
    if (!failed.some((f) => f.repo.toLowerCase() === repo.toLowerCase())) failed.push(failure);
    return undefined;
  }
}

interface Candidate {
  repo: string;
  number: number;
  /** From the full list of the repository, when it was read. */
  stackedAuthors?: string[];
}

async function candidates(client: GitHubRequests, viewer: Viewer, options: FetchOptions, failed: RepoFailure[]): Promise<Candidate[]> {
  const found: Candidate[] = [];
  const seen = new Set<string>();
  const add = (c: Candidate) => {
    const key = `${c.repo}#${c.number}`.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      found.push(c);
    }
  };
  if (options.repositories.length > 0) {
    for (const repo of options.repositories) {
      const pulls = await perRepo(repo, failed, () =>
        client.getAll(`repos/${enc(repo)}/pulls?state=open&per_page=100`, pullListProjection),
      );
      if (!pulls) continue;
      const byBase = new Map<string, string[]>();
      for (const pr of pulls) byBase.set(pr.baseRef, [...(byBase.get(pr.baseRef) ?? []), pr.author]);
      for (const pr of pulls) {
        if (relevant(pr, viewer, options)) add({ repo: pr.repo, number: pr.number, stackedAuthors: byBase.get(pr.headRef) });
      }
    }
    // "Waiting on the author": open PRs the viewer reviewed and was not asked again.
    const watched = new Set(options.repositories.map((r) => r.toLowerCase()));
    for (const c of await client.getAll(q(REVIEWED_BY_ME), searchProjection)) if (watched.has(c.repo.toLowerCase())) add(c);
    return found;
  }
  // No repositories configured or found: search covers every repository the token can see.
  // A draft does not wait on anyone yet: skip its detail requests.
  for (const c of await client.getAll(q('is:pr is:open archived:false review-requested:@me'), searchProjection)) if (!c.draft) add(c);
  for (const c of await client.getAll(q('is:pr is:open archived:false author:@me'), searchProjection)) add(c);
  for (const c of await client.getAll(q(REVIEWED_BY_ME), searchProjection)) add(c);
  // The current branches' PRs, whoever wrote them (GitHub filters by `head=owner:branch`).
  for (const b of options.currentBranches) {
    const head = encodeURIComponent(`${b.repo.split('/')[0]}:${b.branch}`);
    const pulls = await perRepo(b.repo, failed, () =>
      client.getAll(`repos/${enc(b.repo)}/pulls?state=open&head=${head}&per_page=100`, pullListProjection),
    );
    for (const pr of pulls ?? []) {
      if (!options.isBot(pr.author)) add({ repo: pr.repo, number: pr.number });
    }
  }
  return found;
}

async function detail(client: GitHubRequests, repo: string, number: number): Promise<PullRequest> {
  const base = `repos/${enc(repo)}`;
  const pr = await client.get(`${base}/pulls/${number}`, pullProjection);
  pr.reviews = await client.getAll(`${base}/pulls/${number}/reviews?per_page=100`, reviewsProjection);
  const events = mergeEvents(await client.getAll(`${base}/issues/${number}/events?per_page=100`, eventsProjection), repo.split('/')[0]);
  pr.reviewRequests = events.reviewRequests;
  if (events.readyAt !== undefined) pr.readyAt = events.readyAt;
  pr.checks = await client.get(`${base}/commits/${encodeURIComponent(pr.headSha)}/check-runs?per_page=100`, checkRunsProjection);
  if (pr.checks === 'none')
    pr.checks = await client.get(`${base}/commits/${encodeURIComponent(pr.headSha)}/status`, combinedStatusProjection);
  return pr;
}

export async function fetchQueueData(client: GitHubRequests, options: FetchOptions): Promise<QueueData> {
  const viewer = await fetchViewer(client);
  const failed: RepoFailure[] = [];
  const found = (await candidates(client, viewer, options, failed)).slice(0, options.maxDetailed ?? 100);
  const pullRequests: PullRequest[] = [];
  for (const c of found) {
    try {
      const pr = await detail(client, c.repo, c.number);
      if (c.stackedAuthors) pr.stackedAuthors = c.stackedAuthors.filter((a) => !options.isBot(a));
      if (!options.isBot(pr.author)) pullRequests.push(pr);
    } catch (error) {
      if (isGitHubError(error, 'not-found')) continue; // closed or hidden meanwhile: skip it
      const failure = repoFailure(c.repo, error);
      if (!failure) throw error;
      if (!failed.some((f) => f.repo.toLowerCase() === c.repo.toLowerCase())) failed.push(failure);
    }
  }
  return { viewer, pullRequests, fetchedAt: options.now(), ...(failed.length > 0 ? { failedRepos: failed } : {}) };
}
