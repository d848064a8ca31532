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
  /** True when the review was written against an older head commit (a push followed). */
  outdated?: boolean;
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
  mergeable?: boolean | null;
}

export interface ScenarioRepo {
  owner: string;
  name: string;
  pulls: ScenarioPull[];
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

/** Resolves "now", "-26h", "-3d", "-90m" relative to `now`, or an ISO time. */
export function resolveTime(value: string, now: number): number {
  if (value === 'now') return now;
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
