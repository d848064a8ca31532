/**
 * Test seam (harness builds only): the git source's state as plain data. Imported only by
 * src/testApi.ts, which a production build does not contain.
 */
import type { GitApi } from './api';

export function gitTestApi(git: GitApi) {
  return {
    status: () => git.status,
    snapshots: () => git.snapshots,
    history: async (repoRoot: string) => {
      const model = await git.history(repoRoot);
      return {
        tip: model.tip,
        shallow: model.shallow,
        commitCount: model.commits.length,
        subjects: model.commits.slice(0, 20).map((c) => c.subject),
        pullRequests: model.pullRequests,
        reverts: model.reverts,
        releases: model.releases,
      };
    },
    owners: (repoRoot: string, paths: string[]) => git.ownersOf(repoRoot, paths),
  };
}
