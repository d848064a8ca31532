/**
 * The built-in git extension's view of a commit in the making: which repository a Source Control
 * input box belongs to, how big its staged change is, whether a merge is being committed. Only
 * the few members of its API (version 1, extensions/git/src/api/git.d.ts) we read.
 */
import * as vscode from 'vscode';
import type { ChangeSize } from '../model/why';

interface ShortStat {
  files: number;
  insertions: number;
  deletions: number;
}

interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly inputBox: { value: string };
  readonly state: { readonly mergeChanges: unknown[]; readonly indexChanges: unknown[]; readonly onDidChange: vscode.Event<void> };
  diffIndexWithHEADShortStats?(path?: string): Promise<ShortStat>;
  diffWithHEADShortStats?(path?: string): Promise<ShortStat>;
}

interface GitApiV1 {
  readonly repositories: GitRepository[];
}

export const SCM_INPUT_SCHEME = 'vscode-scm';

/** The input box's document names its repository in `?rootUri=…`. */
export function rootUriOf(document: vscode.TextDocument): vscode.Uri | undefined {
  if (document.uri.scheme !== SCM_INPUT_SCHEME) return undefined;
  const match = /(?:^|&)rootUri=([^&]+)/.exec(document.uri.query);
  try {
    return match ? vscode.Uri.parse(decodeURIComponent(match[1])) : undefined;
  } catch {
    return undefined;
  }
}

function gitApi(): GitApiV1 | undefined {
  const extension = vscode.extensions.getExtension<{ enabled: boolean; getAPI(version: 1): GitApiV1 }>('vscode.git');
  if (!extension?.isActive || !extension.exports.enabled) return undefined;
  return extension.exports.getAPI(1);
}

export interface PendingCommit {
  size?: ChangeSize;
  merge: boolean;
  onDidChange: vscode.Event<void>;
}

/** The commit the input box at `root` would make: its staged change (or the working tree's, when nothing is staged). */
export async function pendingCommit(root: vscode.Uri): Promise<PendingCommit | undefined> {
  const repository = gitApi()?.repositories.find((r) => r.rootUri.toString() === root.toString() || r.rootUri.fsPath === root.fsPath);
  if (!repository) return undefined;
  const merge = repository.state.mergeChanges.length > 0;
  const read = repository.state.indexChanges.length > 0 ? repository.diffIndexWithHEADShortStats : repository.diffWithHEADShortStats;
  let size: ChangeSize | undefined;
  if (read) {
    const stat = await read.call(repository);
    size = { files: stat.files, lines: stat.insertions + stat.deletions };
  }
  return { size, merge, onDidChange: repository.state.onDidChange };
}
