/**
 * Scenario files for the fake GitHub server: who the viewer is, their teams, and each
 * repository's open pull requests. Times are ISO strings or relative to server start:
 * "now", "-26h", "-3d", "-90m".
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface ScenarioReview {
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  at: string;
  body?: string;
  /** True when the review was written against an older head commit (a push followed). */
  outdated?: boolean;
}

/** A changed file with its contents on both sides (absent on the side where it does not exist). */
export interface ScenarioFile {
  path: string;
  status?: 'added' | 'removed' | 'modified' | 'renamed';
  previousPath?: string;
  base?: string;
  head?: string;
  /** Contents are binary (a small PNG-like blob) on the sides that exist. */
  binary?: boolean;
  /** The head side is this many bytes of generated text instead of `head` (size-limit tests). */
  headSize?: number;
}

export interface ScenarioCheckRun {
  name: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion?: 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required' | null;
  /** details_url; untrusted like everything from GitHub. */
  url?: string;
}

export interface ScenarioPull {
  number: number;
  title: string;
  body?: string | null;
  author: string;
  draft?: boolean;
  created: string;
  /** When it was last marked ready for review (a ready_for_review event). */
  ready?: string;
  updated?: string;
  head: string;
  base?: string;
  /** `owner/repo` of a fork the head lives in. */
  headRepo?: string;
  additions: number;
  deletions: number;
  changedFiles?: number;
  requestedReviewers?: string[];
  /** Team slugs of the repository owner's organisation. */
  requestedTeams?: string[];
  /** Reviewer login or team slug → when requested (review_requested event); default: ready or created. */
  requested?: Record<string, string>;
  reviews?: ScenarioReview[];
  checks?: 'success' | 'failure' | 'pending' | 'none';
  /** The check runs themselves; when absent, two runs (build, test) follow `checks`. */
  checkRuns?: ScenarioCheckRun[];
  mergeable?: boolean | null;
  labels?: string[];
  /** Changed files with contents; a repository with `gitDir` reads them from git instead. */
  files?: ScenarioFile[];
  /** Conversation comments, for the timeline. */
  comments?: { user: string; at: string; body?: string }[];
  /** Commits pushed, for the timeline (default: one at `created`). */
  commits?: { message: string; at: string }[];
}

/** A pull request merged earlier (listed with `state=closed`), for Team Health's flow and review figures. */
export interface ScenarioMergedPull {
  number: number;
  title: string;
  author: string;
  /** When it was opened (as a draft when `ready` is set). */
  created: string;
  /** When it was marked ready for review (a ready_for_review event), if it began as a draft. */
  ready?: string;
  merged: string;
  /** Author date of its first commit (its commits list); default: `created`. */
  firstCommit?: string;
  head?: string;
  reviews?: ScenarioReview[];
  /** Untrusted like everything from GitHub; null or absent is no description. */
  body?: string | null;
  /** Who merged it (default: the author). */
  mergedBy?: string;
  /** Its changed files, by name and size only (the overview lists them; contents are not served). */
  files?: { path: string; additions: number; deletions: number }[];
}

export interface ScenarioRelease {
  tag: string;
  name?: string;
  published: string;
  draft?: boolean;
  prerelease?: boolean;
}

export interface ScenarioDeployment {
  id: number;
  sha: string;
  environment: string;
  created: string;
  /** Newest last, as they happened; GitHub lists them newest first. */
  statuses: { state: 'success' | 'failure' | 'error' | 'inactive' | 'in_progress' | 'queued' | 'pending'; at: string }[];
}

export interface ScenarioRepo {
  owner: string;
  name: string;
  pulls: ScenarioPull[];
  merged?: ScenarioMergedPull[];
  releases?: ScenarioRelease[];
  deployments?: ScenarioDeployment[];
  /**
   * A local git repository that holds the pull requests' branches (set at run time, e.g. by the
   * demo): head and base commits, changed files and contents are then read from it.
   */
  gitDir?: string;
}

export interface Scenario {
  viewer: string;
  /** If set, only this token is accepted (Bearer or token scheme). */
  token?: string;
  teams?: { org: string; slug: string; name?: string }[];
  repos: ScenarioRepo[];
  /** Primary rate limit per hour, default 5000. */
  rateLimit?: number;
}

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Resolves "now", "-26h", "-3d", "-90m" relative to `now`, or an ISO time. "-26d@14:30" is 14:30 local
 * time on the day 26 days ago: the demo repository dates its commits that way, so pull request times
 * here line up with them exactly.
 */
export function resolveTime(value: string, now: number): number {
  if (value === 'now') return now;
  const atTime = /^-(\d+)d@(\d{1,2}):(\d{2})$/.exec(value);
  if (atTime) {
    const date = new Date(now - Number(atTime[1]) * UNITS.d);
    date.setHours(Number(atTime[2]), Number(atTime[3]), 0, 0);
    return date.getTime();
  }
  const rel = /^-(\d+(?:\.\d+)?)([mhd])$/.exec(value);
  if (rel) return now - Number(rel[1]) * UNITS[rel[2]];
  const abs = Date.parse(value);
  if (Number.isNaN(abs)) throw new Error(`scenario: bad time ${JSON.stringify(value)}`);
  return abs;
}

export function loadScenario(file: string): Scenario {
  return JSON.parse(readFileSync(file, 'utf8')) as Scenario;
}

export function shaOf(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
