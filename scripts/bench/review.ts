/**
 * Review-queue benchmark.
 *   npx tsx scripts/bench/review.ts            (add --expose-gc via NODE_OPTIONS for steadier memory)
 * 1. Time and memory to rank 5,000 PRs (ranking + hygiene + business hours in Europe/Berlin).
 * 2. Requests and rate-limit points for one refresh of 3 repositories with 200 open PRs each,
 *    first poll and second poll, against the local fake GitHub. The second must cost 0 points.
 */
import { accountKey } from '../../src/github/source/cacheFile';
import { GitHubClient } from '../../src/github/source/client';
import { EtagCache } from '../../src/github/model/etagCache';
import { fetchQueueData } from '../../src/review/source/fetchQueue';
import { HostGate } from '../../src/github/source/hostGate';
import type { PullRequest } from '../../src/review/model/pullRequest';
import { buildQueue } from '../../src/review/model/queue';
import { DEFAULT_REVIEW_SETTINGS } from '../../src/review/model/settings';
import type { Scenario, ScenarioPull } from '../../test/fake-github/scenario';
import { startFakeGitHub } from '../../test/fake-github/server';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-03-04T15:00:00Z');
const SCHEDULE = { workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '18:00' }, timeZone: 'Europe/Berlin' };

/** Deterministic pseudo-random numbers, so every run ranks the same PRs. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function syntheticPulls(n: number): PullRequest[] {
  const r = rng(42);
  const authors = ['alice', 'bob', 'carol', 'dave', 'erin', 'me', 'dependabot[bot]'];
  return Array.from({ length: n }, (_, i) => {
    const repo = `acme/repo${i % 7}`;
    const created = NOW - Math.floor(r() * 30 * 24) * HOUR;
    const requested = r() < 0.7;
    return {
      key: `${repo}#${i}`,
      repo,
      number: i,
      title: `Change ${i}`,
      body: r() < 0.2 ? '' : r() < 0.5 ? 'Refactor things.' : 'Fixes #12 because the cache was stale.',
      url: `https://github.com/${repo}/pull/${i}`,
      author: authors[Math.floor(r() * authors.length)],
      draft: r() < 0.1,
      createdAt: created,
      updatedAt: created + HOUR,
      headRef: `b${i}`,
      headSha: `s${i}`,
      baseRef: r() < 0.1 ? `b${Math.max(0, i - 1)}` : 'main',
      additions: Math.floor(r() * 800),
      deletions: Math.floor(r() * 200),
      changedFiles: 5,
      requestedReviewers: requested ? ['me', ...(r() < 0.5 ? ['bob'] : [])] : [],
      requestedTeams: !requested && r() < 0.5 ? ['acme/web'] : [],
      reviewRequests: requested ? [{ reviewer: 'me', isTeam: false, at: created + HOUR }] : [],
      reviews:
        r() < 0.3
          ? [{ reviewer: 'carol', state: r() < 0.5 ? 'CHANGES_REQUESTED' : 'APPROVED', submittedAt: created + 2 * HOUR, commitId: `s${i}` }]
          : [],
      checks: 'success',
      mergeable: true,
    } satisfies PullRequest;
  });
}

function benchRanking(): void {
  const pulls = syntheticPulls(5000);
  const data = { viewer: { login: 'me', teams: ['acme/web'] }, pullRequests: pulls, fetchedAt: NOW };
  const ctx = { now: NOW, schedule: SCHEDULE, settings: DEFAULT_REVIEW_SETTINGS, snoozes: {}, currentBranches: [] };
  const c0 = process.hrtime.bigint();
  buildQueue(data, ctx); // first, cold run: Intl formatters, JIT, the wall-clock memo
  const cold = Number(process.hrtime.bigint() - c0) / 1e6;
  const gc = (globalThis as { gc?: () => void }).gc;
  const times: number[] = [];
  let heapDelta = 0;
  let waiting = 0;
  for (let run = 0; run < 5; run++) {
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = process.hrtime.bigint();
    const q = buildQueue(data, ctx);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    heapDelta = Math.max(heapDelta, process.memoryUsage().heapUsed - heapBefore);
    waiting = q.waiting.length;
  }
  times.sort((a, b) => a - b);
  console.log(`rank 5,000 PRs (${waiting} waiting on me, ${pulls.length - waiting} others; Europe/Berlin business hours)`);
  console.log(`  first (cold) run ${cold.toFixed(1)} ms`);
  console.log(`  warm: median ${times[2].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[4].toFixed(1)} ms over 5 runs`);
  console.log(
    `  peak heap growth per run ${(heapDelta / 1024 / 1024).toFixed(1)} MiB${gc ? '' : ' (run with NODE_OPTIONS=--expose-gc for a GC between runs)'}`,
  );
}

function syntheticScenario(): Scenario {
  const r = rng(7);
  const authors = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'renovate[bot]'];
  const repos = ['api', 'web', 'infra'].map((name) => ({
    owner: 'acme',
    name,
    pulls: Array.from({ length: 200 }, (_, i): ScenarioPull => {
      const roll = r();
      return {
        number: i + 1,
        title: `${name} change ${i + 1}`,
        body: 'Because reasons.',
        author: roll < 0.02 ? 'me' : authors[Math.floor(r() * authors.length)],
        created: `-${1 + Math.floor(r() * 200)}h`,
        head: `${name}-${i + 1}`,
        additions: Math.floor(r() * 400),
        deletions: Math.floor(r() * 100),
        // About 5% ask me directly and 3% ask my team; the rest ask others.
        requestedReviewers: roll > 0.95 ? ['me'] : ['bob'],
        requestedTeams: roll > 0.92 && roll <= 0.95 ? ['web'] : [],
        checks: 'success',
      };
    }),
  }));
  return { viewer: 'me', teams: [{ org: 'acme', slug: 'web' }], repos };
}

async function benchRequests(): Promise<void> {
  const gh = await startFakeGitHub({ scenario: syntheticScenario(), now: NOW });
  const cache = new EtagCache();
  const token = 'bench-token-0123456789';
  const poll = async () => {
    const client = new GitHubClient({ apiUrl: gh.url, token, account: accountKey(gh.url, token), cache, gate: new HostGate() });
    gh.resetStats();
    const t0 = Date.now();
    const data = await fetchQueueData(client, {
      repositories: ['acme/api', 'acme/web', 'acme/infra'],
      currentBranches: [],
      isBot: () => false,
      now: () => NOW,
    });
    return {
      ms: Date.now() - t0,
      prs: data.pullRequests.length,
      requests: gh.stats.requests,
      notModified: gh.stats.notModified,
      points: gh.stats.points,
    };
  };
  try {
    const first = await poll();
    const second = await poll();
    console.log(`one refresh of 3 repositories × 200 open PRs (${first.prs} relevant to me, detailed)`);
    console.log(`  first poll : ${first.requests} requests, ${first.points} rate-limit points, ${first.ms} ms`);
    console.log(
      `  second poll: ${second.requests} requests (${second.notModified} × 304), ${second.points} rate-limit points, ${second.ms} ms`,
    );
    if (second.points !== 0) {
      console.error('FAIL: an unchanged second poll must cost 0 rate-limit points');
      process.exitCode = 1;
    }
  } finally {
    await gh.close();
  }
}

benchRanking();
void benchRequests();
