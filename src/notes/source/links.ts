/**
 * What a quick capture links to: the active file and line, HEAD of its repository and the branch's
 * pull request. Editor-facing.
 */
import * as vscode from 'vscode';
import { isAbsolute, join, relative } from 'node:path';
import type { GitApi } from '../../git/api';
import type { ReviewApi } from '../../review/api';
import type { NoteLink } from '../model/types';

export function currentLinks(git: GitApi | undefined, review?: ReviewApi): NoteLink[] {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== 'file') return [];
  const path = editor.document.uri.fsPath;
  const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
  const links: NoteLink[] = [
    { type: 'file', path: folder ? relative(folder.uri.fsPath, path) : path, line: editor.selection.active.line + 1 },
  ];
  try {
    // Deepest repository that contains the file; the engine is trust-gated and runs no git for this.
    const repo = git?.snapshotContaining(path);
    if (repo?.head) links.push({ type: 'commit', sha: repo.head, repo: repo.repoRoot });
    // The branch's pull request, when the review queue's last poll knows it.
    const pr = repo?.branch ? review?.branchPullRequests().find((candidate) => candidate.headRef === repo.branch) : undefined;
    if (pr) links.push({ type: 'pr', url: pr.url });
  } catch {
    // git unavailable: the file link alone is still useful
  }
  return links;
}

/** A file link's absolute path: relative paths resolve against the workspace folders. */
export function resolveFileLink(path: string): vscode.Uri | undefined {
  if (isAbsolute(path)) return vscode.Uri.file(path);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.file(join(folder.uri.fsPath, path)) : undefined;
}
