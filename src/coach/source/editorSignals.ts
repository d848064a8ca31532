import * as vscode from 'vscode';
import type { Clock } from '../../core/clock';
import type { RepoSnapshot } from '../../git/api';
import type { BranchState } from '../model/signals/ageingBranch';
import type { CoachEvent } from '../model/signals/types';

export interface EditorSignalSink {
  record(event: CoachEvent): void;
  setBranch(state: BranchState | undefined): void;
  /** A workspace file was edited (for ownership look-ups). */
  edited(relativePath: string, uri: vscode.Uri): void;
  /** Something changed; the coach should re-evaluate soon. */
  poke(): void;
}

/** A workspace file on disk, not output channels, settings, git internals or other schemes. */
function workspaceFile(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) return undefined;
  const relative = vscode.workspace.asRelativePath(uri, false);
  return /(^|\/)\.git(\/|$)/.test(relative) ? undefined : relative;
}

/** Compares the upstream's branch with the local one: "origin/main" as base for a feature branch. */
export function branchStateOf(snapshot: RepoSnapshot): BranchState | undefined {
  const { branch, upstream } = snapshot;
  if (!branch || !upstream) return undefined;
  // Tracking its own remote copy says nothing about the base; only a different branch is a base.
  if (upstream.slice(upstream.indexOf('/') + 1) === branch) return undefined;
  return {
    branch,
    base: upstream,
    ahead: snapshot.ahead,
    behind: snapshot.behind,
    oldestUnmergedAt: snapshot.ahead > 0 ? snapshot.lastCommitAt : undefined,
  };
}

type SnapshotSource = {
  snapshots: readonly RepoSnapshot[];
  onDidChangeSnapshots: (l: (s: readonly RepoSnapshot[]) => void) => { dispose(): void };
};

/** Commits, clean/dirty transitions and the branch's distance from its base, from git snapshots. */
export function watchGitSnapshots(sink: EditorSignalSink, git: SnapshotSource, clock: Clock): { dispose(): void } {
  const lastSnapshot = new Map<string, RepoSnapshot>();
  const onSnapshots = (snapshots: readonly RepoSnapshot[]): void => {
    const now = clock.now();
    for (const snapshot of snapshots) {
      const before = lastSnapshot.get(snapshot.repoRoot);
      lastSnapshot.set(snapshot.repoRoot, snapshot);
      const dirty = snapshot.dirtyFiles.length > 0 || snapshot.stagedFiles.length > 0;
      if (before && before.head !== snapshot.head) sink.record({ kind: 'commit', at: now });
      const wasDirty = before ? before.dirtyFiles.length > 0 || before.stagedFiles.length > 0 : undefined;
      // The first snapshot only reports dirt: a clean start has nothing to reset, and it may arrive
      // after the edits that woke the coach up.
      if (wasDirty === undefined ? dirty : wasDirty !== dirty) sink.record({ kind: 'tree', at: now, dirty });
    }
    sink.setBranch(snapshots.map(branchStateOf).find((s) => s !== undefined));
    sink.poke();
  };
  const subscription = git.onDidChangeSnapshots(onSnapshots);
  if (git.snapshots.length > 0) onSnapshots(git.snapshots);
  return subscription;
}

/**
 * Turns editor activity (edits, diagnostics) into coach events; tasks and terminal test runs come
 * from terminalSignals.ts. Listening costs nothing until something happens.
 */
export function watchEditorSignals(sink: EditorSignalSink, clock: Clock): vscode.Disposable {
  const errorCounts = new Map<string, number>();

  const disposables: { dispose(): void }[] = [
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      const file = workspaceFile(e.document.uri);
      if (!file) return;
      const change = e.contentChanges[0];
      const insertedLines = change.text.split('\n').length - 1;
      sink.record({
        kind: 'edit',
        at: clock.now(),
        file,
        startLine: change.range.start.line,
        endLine: Math.max(change.range.end.line, change.range.start.line + insertedLines),
      });
      sink.edited(file, e.document.uri);
      sink.poke();
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const now = clock.now();
      let changed = false;
      for (const uri of e.uris) {
        const file = workspaceFile(uri);
        if (!file) continue;
        const errors = vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
        // Only changes in the count are events; language servers republish the same list often.
        if ((errorCounts.get(file) ?? 0) === errors) continue;
        errorCounts.set(file, errors);
        sink.record({ kind: 'diagnostics', at: now, file, errors });
        changed = true;
      }
      if (changed) sink.poke();
    }),
  ];
  return { dispose: () => disposables.forEach((d) => d.dispose()) };
}
