/**
 * What a quick capture links to: the active file and line, HEAD of its repository. Editor-facing.
 */
import * as vscode from 'vscode';
import { isAbsolute, join, relative } from 'node:path';
import type { GitEngineApi } from '../git/api';
import type { NoteLink } from './types';

export function currentLinks(git: GitEngineApi | undefined): NoteLink[] {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== 'file') return [];
  const path = editor.document.uri.fsPath;
  const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
  const links: NoteLink[] = [{ type: 'file', path: folder ? relative(folder.uri.fsPath, path) : path, line: editor.selection.active.line + 1 }];
  try {
    // Deepest repository that contains the file; the engine is trust-gated and runs no git for this.
    const repo = git?.snapshots
      .filter((snapshot) => !relative(snapshot.repoRoot, path).startsWith('..'))
      .sort((a, b) => b.repoRoot.length - a.repoRoot.length)[0];
    if (repo?.head) links.push({ type: 'commit', sha: repo.head, repo: repo.repoRoot });
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
