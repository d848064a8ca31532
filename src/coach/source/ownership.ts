/**
 * Who knows the files a signal is about, from the git source: suggestions of people to ask, and
 * the single-author signal for a file being edited. Look-ups run git only when the workspace's
 * git is ready, and each file's ownership is re-checked at most every ten minutes.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { Clock } from '../../core/clock';
import type { GitApi } from '../../git/api';
import type { PromptRole } from '../model/prompts/library';
import { detectSingleAuthor, isOwnKnowledge } from '../model/signals/singleAuthor';
import { MINUTE, type Signal, type Thresholds } from '../model/signals/types';
import { exactFigures } from '../model/contributions';
import { suggestPeople, type AskSuggestion } from '../model/whoToAsk';

const OWNERSHIP_RECHECK_MS = 10 * MINUTE;

export class CoachOwnership {
  /** Workspace-relative path → uri, for look-ups of files a signal names. */
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly checkedAt = new Map<string, number>();

  constructor(
    private readonly git: GitApi,
    private readonly clock: Clock,
  ) {}

  remember(file: string, uri: vscode.Uri): void {
    this.uris.set(file, uri);
  }

  /** At most two people who know the signal's files (or the repository), never the user. */
  async peopleFor(signal: Signal): Promise<AskSuggestion[]> {
    if (this.git.status !== 'ready') return [];
    const fileUris = signal.files.map((f) => this.uris.get(f)).filter((u): u is vscode.Uri => u !== undefined);
    const snapshot = fileUris.length > 0 ? this.git.snapshotContaining(fileUris[0].fsPath) : this.git.snapshots[0];
    if (!snapshot) return [];
    const paths = fileUris.length > 0 ? fileUris.map((u) => repoRelative(snapshot.repoRoot, u)) : [''];
    const [history, me] = await Promise.all([this.git.history(snapshot.repoRoot), this.git.currentUserEmail(snapshot.repoRoot)]);
    // Ranked by the engine's recency-weighted share; the figures shown are recounted exactly.
    const owners = exactFigures(history.ownersOf(paths), history.commits, paths);
    return suggestPeople(owners, me, signal.files, this.clock.now());
  }

  /**
   * The single-author signal for a file just edited: undefined when it is not due for a check;
   * otherwise the signal (or none) and whom it speaks to.
   */
  async singleAuthor(file: string, uri: vscode.Uri, thresholds: Thresholds): Promise<{ signal?: Signal; role: PromptRole } | undefined> {
    const now = this.clock.now();
    if (this.git.status !== 'ready' || now - (this.checkedAt.get(file) ?? -Infinity) < OWNERSHIP_RECHECK_MS) return undefined;
    this.checkedAt.set(file, now);
    const snapshot = this.git.snapshotContaining(uri.fsPath);
    if (!snapshot) return undefined;
    const [owners, me] = await Promise.all([
      this.git.ownersOf(snapshot.repoRoot, [repoRelative(snapshot.repoRoot, uri)]),
      this.git.currentUserEmail(snapshot.repoRoot),
    ]);
    return { signal: detectSingleAuthor(file, owners, me, now, thresholds), role: isOwnKnowledge(owners, me) ? 'mentor' : 'stuck' };
  }
}

function repoRelative(repoRoot: string, uri: vscode.Uri): string {
  return path.relative(repoRoot, uri.fsPath).split(path.sep).join('/');
}
