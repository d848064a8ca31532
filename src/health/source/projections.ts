/**
 * GitHub REST JSON → the little Team Health keeps: merged pull requests, their reviews and
 * ready-for-review events, releases and deployments. Each projection checks the shape it relies on and
 * keeps only what the figures need, so cached pages stay small. Pure; `id` versions the ETag cache.
 */
import type { Projection } from '../../github/api';
import type { HealthReview, ReviewState } from '../model/input';

type Json = Record<string, unknown>;

/** A response GitHub should not send: the request fails like any other bad response. */
export class UnexpectedResponse extends Error {
  constructor(what: string) {
    super(`unexpected GitHub response: ${what}`);
    this.name = 'UnexpectedResponse';
  }
}

function obj(value: unknown, what: string): Json {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Json;
  throw new UnexpectedResponse(`${what} is not an object`);
}
function arr(value: unknown, what: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new UnexpectedResponse(`${what} is not a list`);
}
function str(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  throw new UnexpectedResponse(`${what} is not text`);
}
function optStr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
function optTime(value: unknown): number | undefined {
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? undefined : t;
}
function num(value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new UnexpectedResponse(`${what} is not a number`);
}
function login(user: unknown): string | undefined {
  return user && typeof user === 'object' ? optStr((user as Json).login) : undefined;
}

/** A closed pull request from `pulls?state=closed`; `mergedAt` is undefined when it was closed unmerged. */
export interface ClosedPull {
  number: number;
  title: string;
  url: string;
  /** Undefined for a deleted account ("ghost"). */
  author?: string;
  createdAt: number;
  updatedAt: number;
  mergedAt?: number;
  mergeCommit?: string;
  headRef?: string;
}

export const closedPullsProjection: Projection<ClosedPull[]> = {
  id: 'health.pulls.v1',
  project: (json) =>
    arr(json, 'pulls').map((p) => {
      const pull = obj(p, 'pull');
      const createdAt = optTime(pull.created_at);
      if (createdAt === undefined) throw new UnexpectedResponse('pull.created_at is not a date');
      const head = pull.head && typeof pull.head === 'object' ? (pull.head as Json) : {};
      return {
        number: num(pull.number, 'pull.number'),
        title: str(pull.title, 'pull.title'),
        url: str(pull.html_url, 'pull.html_url'),
        author: login(pull.user),
        createdAt,
        updatedAt: optTime(pull.updated_at) ?? createdAt,
        mergedAt: optTime(pull.merged_at),
        mergeCommit: optStr(pull.merge_commit_sha),
        headRef: optStr(head.ref),
      };
    }),
};

const REVIEW_STATES = new Set<ReviewState>(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED']);

/** Submitted reviews; pending ones (no `submitted_at`) and deleted accounts are left out. */
export const healthReviewsProjection: Projection<HealthReview[]> = {
  id: 'health.reviews.v1',
  project: (json) =>
    arr(json, 'reviews').flatMap((r) => {
      const review = obj(r, 'review');
      const state = optStr(review.state) as ReviewState | undefined;
      const reviewer = login(review.user);
      const submittedAt = optTime(review.submitted_at);
      if (!state || !REVIEW_STATES.has(state) || !reviewer || submittedAt === undefined) return [];
      return [{ reviewer, state, submittedAt }];
    }),
};

/** From `issues/{n}/events`: whether it was ever a draft, and when it was last marked ready. One element per page. */
export interface DraftEvents {
  wasDraft: boolean;
  readyAt?: number;
}

export const draftEventsProjection: Projection<DraftEvents[]> = {
  id: 'health.events.v1',
  project: (json) => {
    const out: DraftEvents = { wasDraft: false };
    for (const e of arr(json, 'events')) {
      const event = obj(e, 'event');
      const at = optTime(event.created_at);
      if (event.event === 'ready_for_review') {
        out.wasDraft = true;
        if (at !== undefined) out.readyAt = Math.max(out.readyAt ?? 0, at);
      } else if (event.event === 'convert_to_draft') out.wasDraft = true;
    }
    return [out];
  },
};

export function mergeDraftEvents(pages: readonly DraftEvents[]): DraftEvents {
  const out: DraftEvents = { wasDraft: pages.some((p) => p.wasDraft) };
  for (const page of pages) if (page.readyAt !== undefined) out.readyAt = Math.max(out.readyAt ?? 0, page.readyAt);
  return out;
}

/**
 * From `pulls/{n}/commits`: the earliest author date among the PR's commits, as GitHub lists them (it
 * survives a squash merge and a force push, which git history does not). One element per page.
 */
export const firstCommitProjection: Projection<number[]> = {
  id: 'health.pull-commits.v1',
  project: (json) => {
    let first: number | undefined;
    for (const c of arr(json, 'commits')) {
      const commit = obj(c, 'commit');
      const inner = commit.commit && typeof commit.commit === 'object' ? (commit.commit as Json) : {};
      const author = inner.author && typeof inner.author === 'object' ? (inner.author as Json) : {};
      const at = optTime(author.date);
      if (at !== undefined && (first === undefined || at < first)) first = at;
    }
    return first === undefined ? [] : [first];
  },
};

export interface GitHubReleaseRecord {
  tag: string;
  name: string;
  publishedAt: number;
  prerelease: boolean;
}

/** Published releases; drafts (not visible to users yet) are left out. */
export const releasesProjection: Projection<GitHubReleaseRecord[]> = {
  id: 'health.releases.v1',
  project: (json) =>
    arr(json, 'releases').flatMap((r) => {
      const release = obj(r, 'release');
      const publishedAt = optTime(release.published_at);
      if (release.draft === true || publishedAt === undefined) return [];
      const tag = str(release.tag_name, 'release.tag_name');
      return [{ tag, name: optStr(release.name) || tag, publishedAt, prerelease: release.prerelease === true }];
    }),
};

export interface DeploymentRecord {
  id: number;
  sha: string;
  environment: string;
  createdAt: number;
}

export const deploymentsProjection: Projection<DeploymentRecord[]> = {
  id: 'health.deployments.v1',
  project: (json) =>
    arr(json, 'deployments').flatMap((d) => {
      const deployment = obj(d, 'deployment');
      const createdAt = optTime(deployment.created_at);
      const sha = optStr(deployment.sha);
      if (createdAt === undefined || !sha) return [];
      return [{ id: num(deployment.id, 'deployment.id'), sha, environment: optStr(deployment.environment) ?? '', createdAt }];
    }),
};

export interface DeploymentStatusRecord {
  state: string;
  createdAt: number;
}

/** `deployments/{id}/statuses`, newest first as GitHub lists them. */
export const deploymentStatusesProjection: Projection<DeploymentStatusRecord[]> = {
  id: 'health.deployment-statuses.v1',
  project: (json) =>
    arr(json, 'statuses').flatMap((s) => {
      const status = obj(s, 'status');
      const createdAt = optTime(status.created_at);
      const state = optStr(status.state);
      return createdAt === undefined || !state ? [] : [{ state, createdAt }];
    }),
};

/**
 * When a deployment succeeded: the earliest `success` status (a later `inactive` only means a newer
 * deployment replaced it). Undefined when it never succeeded (failed, errored, still pending).
 */
export function deployedAt(statuses: readonly DeploymentStatusRecord[]): number | undefined {
  let at: number | undefined;
  for (const s of statuses) if (s.state === 'success' && (at === undefined || s.createdAt < at)) at = s.createdAt;
  return at;
}
