/**
 * Our side: the Team Health report the extension computes, built the way health-child.ts builds it
 * (the engine's full read, its model, fromHistory with the HEAD file list, computeHealth).
 */
import { GitController } from '../../src/git/controller';
import { createHistoryModel } from '../../src/git/model/historyModel';
import { refreshHistory } from '../../src/git/source/historyReader';
import { createGitRunner } from '../../src/git/source/runGit';
import { fromHistory } from '../../src/health/model/fromHistory';
import type { HealthInput } from '../../src/health/model/input';
import { computeHealth, type HealthReport } from '../../src/health/model/report';

export async function ourInput(repo: string, headFiles: string[]): Promise<{ input: HealthInput; newestCommitAt: number }> {
  const full = await refreshHistory({ git: createGitRunner(), repoRoot: repo, timeoutMs: 60 * 60_000 }, undefined);
  const model = createHistoryModel(
    { ...full.history, shallow: full.shallow, releases: full.releases, skippedTags: full.skipped, readAt: 0 },
    { halfLifeDays: 90 },
  );
  const newestCommitAt = Math.max(...model.commits.map((c) => c.committer.time));
  // As the controller does (GitApi.mergeBases): what the tags off HEAD's history contain of it.
  const known = new Set(model.commits.map((c) => c.hash));
  const off = [...new Set(model.releases.map((r) => r.commit).filter((c) => !known.has(c)))];
  const engine = new GitController({
    trusted: true,
    start: () => undefined,
    createRunner: createGitRunner,
    halfLifeDays: () => 90,
    maxCommits: () => 0,
    now: () => Date.now(),
  });
  const releaseBases = await engine.mergeBases(repo, model.tip!, off);
  engine.dispose();
  return { input: fromHistory(model, { headFiles, releaseBases }), newestCommitAt };
}

export function ourReport(input: HealthInput, now: number, weeks: number): HealthReport {
  return computeHealth(input, { now, weeks, timeZone: 'UTC' });
}
