/** Test seam (harness builds only): save a token through the same SecretStorage path as the command. */
import type { GitHubController } from './controller';

export function githubTestApi(github: GitHubController) {
  return {
    setToken: (token: string) => github.saveToken(token),
  };
}
