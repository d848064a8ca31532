/**
 * Checks out a pull request's branch through the built-in git extension's API, never through a
 * git command line built from GitHub's text: the branch name is used only when isSafeBranchName
 * accepts it and the branch lives in the repository itself; otherwise the pull request's own ref
 * (`refs/pull/<number>/head`, made from a number) is fetched into `pr/<number>`.
 */
import * as vscode from 'vscode';
import type { GitHubApi } from '../../github/api';
import { isSafeBranchName, pullBranchName } from '../model/branchName';
import type { PullRequest } from '../model/pullRequest';

/** The few calls of the git extension's API (version 1) used here, from its documented contract. */
interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD?: { readonly name?: string }; readonly remotes: { name: string; fetchUrl?: string; pushUrl?: string }[] };
  fetch(remote?: string, ref?: string): Promise<void>;
  checkout(treeish: string): Promise<void>;
  createBranch(name: string, checkout: boolean, ref?: string): Promise<void>;
  getBranch(name: string): Promise<{ name?: string }>;
  setBranchUpstream(name: string, upstream: string): Promise<void>;
}
interface GitExtensionApi {
  readonly repositories: GitRepository[];
}
interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitExtensionApi;
}

export type CheckoutResult =
  | { ok: true; branch: string; repoRoot: string; fetched: boolean }
  | { ok: false; reason: 'no-git' | 'no-repository' | 'failed'; message: string };

async function gitApi(): Promise<GitExtensionApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  return exports.enabled ? exports.getAPI(1) : undefined;
}

async function branchExists(repo: GitRepository, name: string): Promise<boolean> {
  try {
    await repo.getBranch(name);
    return true;
  } catch {
    return false;
  }
}

export async function checkoutPullRequest(pr: PullRequest, github: GitHubApi): Promise<CheckoutResult> {
  const api = await gitApi();
  if (!api)
    return {
      ok: false,
      reason: 'no-git',
      message: vscode.l10n.t('Git is not available in this window (the built-in Git extension is off, or the workspace is not trusted).'),
    };
  let match: { repo: GitRepository; remote: string } | undefined;
  for (const repo of api.repositories) {
    const remote = repo.state.remotes.find(
      (r) => github.repoOfRemote(r.fetchUrl ?? r.pushUrl ?? '')?.toLowerCase() === pr.repo.toLowerCase(),
    );
    if (remote) {
      match = { repo, remote: remote.name };
      break;
    }
  }
  if (!match) {
    return {
      ok: false,
      reason: 'no-repository',
      message: vscode.l10n.t('No repository in this workspace has a remote for {0}. Open a clone of it, then try again.', pr.repo),
    };
  }
  const { repo, remote } = match;
  const sameRepository = !pr.headRepo || pr.headRepo.toLowerCase() === pr.repo.toLowerCase();
  const useOwnName = sameRepository && isSafeBranchName(pr.headRef);
  const branch = useOwnName ? pr.headRef : pullBranchName(pr.number);
  let fetched = false;
  try {
    if (useOwnName) await repo.fetch(remote, branch);
    // Our own refspec, made from a number: the pull request's head as GitHub keeps it.
    else if (repo.state.HEAD?.name !== branch) await repo.fetch(remote, `+refs/pull/${pr.number}/head:refs/heads/${branch}`);
    fetched = true;
  } catch {
    fetched = false; // offline or no such remote branch: a local branch may still be there
  }
  try {
    if (await branchExists(repo, branch)) {
      await repo.checkout(branch);
    } else if (fetched && useOwnName) {
      await repo.createBranch(branch, true, `${remote}/${branch}`);
      await repo.setBranchUpstream(branch, `${remote}/${branch}`).catch(() => undefined);
    } else {
      return {
        ok: false,
        reason: 'failed',
        message: vscode.l10n.t('Could not fetch the branch of #{0} from {1}, and there is no local copy of it.', pr.number, remote),
      };
    }
  } catch (error) {
    // Square brackets and parentheses dropped: notifications render Markdown links.
    const detail =
      error instanceof Error
        ? error.message
            .split('\n')[0]
            .slice(0, 200)
            .replace(/[[\]()]/g, '')
        : '';
    return {
      ok: false,
      reason: 'failed',
      message: detail
        ? vscode.l10n.t('Git could not check out the branch of #{0}: {1}.', pr.number, detail)
        : vscode.l10n.t('Git could not check out the branch of #{0}.', pr.number),
    };
  }
  return { ok: true, branch, repoRoot: repo.rootUri.fsPath, fetched };
}
