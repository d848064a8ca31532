/**
 * The read-only `multiplier-pr:` file system: a pull request's base and head file contents from
 * GitHub (through the content store: fetched once, then from disk, offline too), so its diff
 * opens on any branch and without the commits fetched. Binary and oversized files are shown as a
 * line that says so. Registered at activation by a stub (src/review/pages.ts) that loads this on
 * its first call.
 */
import * as vscode from 'vscode';
import type { PullDetailsLoader } from '../details';
import { parseContentUri } from '../model/contentUri';
import type { FileContent } from '../source/detailProjections';

function kib(bytes: number): string {
  return bytes < 1024
    ? vscode.l10n.t('{0} bytes', bytes)
    : bytes < 1024 * 1024
      ? vscode.l10n.t('{0} KB', (bytes / 1024).toFixed(1))
      : vscode.l10n.t('{0} MB', (bytes / 1024 / 1024).toFixed(1));
}

/** What the diff shows for a file it cannot show as text. */
export function placeholder(content: FileContent): string | undefined {
  switch (content.kind) {
    case 'binary':
      return `${vscode.l10n.t('Binary file ({0}): not shown as text. Open the pull request in the browser to see it.', kib(content.size))}\n`;
    case 'too-large':
      return `${vscode.l10n.t('This file is {0}, over the 1 MB Multiplier shows here. Open it in the browser, or check out the branch.', kib(content.size))}\n`;
    case 'missing':
      return '';
    default:
      return undefined;
  }
}

export interface ContentRead {
  uri: string;
  kind: FileContent['kind'] | 'empty' | 'unavailable';
  bytes: number;
}

export class PullRequestFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** The last reads, newest last (for the test API): proof that the diff editor loaded a side. */
  readonly reads: ContentRead[] = [];

  constructor(private readonly loader: PullDetailsLoader) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined); // contents at a commit never change
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (!parseContentUri(uri.path, uri.query)) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const ref = parseContentUri(uri.path, uri.query);
    if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
    if (ref.empty) return this.record(uri, 'empty', new Uint8Array());
    let content: FileContent | undefined;
    try {
      content = await this.loader.content({ repo: ref.repo, sha: ref.sha, path: ref.path });
    } catch {
      content = undefined;
    }
    if (!content) {
      this.record(uri, 'unavailable', new Uint8Array());
      throw vscode.FileSystemError.Unavailable(
        vscode.l10n.t('This file was never opened before and GitHub cannot be reached (or you are signed out).'),
      );
    }
    const text = placeholder(content);
    const bytes = text !== undefined ? new TextEncoder().encode(text) : Buffer.from((content as { base64: string }).base64, 'base64');
    return this.record(uri, content.kind, bytes);
  }

  private record(uri: vscode.Uri, kind: ContentRead['kind'], bytes: Uint8Array): Uint8Array {
    this.reads.push({ uri: uri.toString(), kind, bytes: bytes.length });
    if (this.reads.length > 500) this.reads.splice(0, this.reads.length - 500);
    return bytes;
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Pull request contents are read-only.'));
  }
  writeFile(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Pull request contents are read-only.'));
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Pull request contents are read-only.'));
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Pull request contents are read-only.'));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
