/**
 * Wraps parsed commits as a HistoryModel. Derived data is computed on first use and kept, so a
 * refresh that nobody reads from costs only the parse. Pure.
 */
import type { AuthorStats, Commit, FileOwner, HistoryModel, MergedPullRequest, Release, RevertRecord, SkippedTag } from '../api';
import { botMatcher } from '../../core/bots';
import { authorStats } from './derive/authors';
import { CommitIndex } from './derive/commitIndex';
import { OwnershipIndex } from './derive/ownership';
import { inferPullRequests } from './derive/pullRequests';
import { findReverts } from './derive/reverts';

export interface HistoryData {
  repoRoot: string;
  tip?: string;
  shallow: boolean;
  /** Newest first. */
  commits: readonly Commit[];
  releases: readonly Release[];
  /** Tags that point at a tree or a blob; none by default. */
  skippedTags?: readonly SkippedTag[];
  readAt: number;
}

/** The settings ownership depends on; a model is rebuilt when they change (see HistorySource). */
export interface OwnershipSettings {
  halfLifeDays: number;
  /** `multiplier.botAuthors`: names or e-mails left out of ownership, besides `[bot]` accounts. */
  botAuthors?: readonly string[];
}

export function createHistoryModel(data: HistoryData, settings: OwnershipSettings): HistoryModel {
  let pullRequests: MergedPullRequest[] | undefined;
  let reverts: RevertRecord[] | undefined;
  let authors: AuthorStats[] | undefined;
  let ownership: OwnershipIndex | undefined;
  let index: CommitIndex | undefined;
  const commitIndex = () => (index ??= new CommitIndex(data.commits, data.tip)); // shared by PRs and reverts
  const exclude = botMatcher(settings.botAuthors);
  return {
    repoRoot: data.repoRoot,
    tip: data.tip,
    shallow: data.shallow,
    commits: data.commits,
    releases: data.releases,
    skippedTags: data.skippedTags ?? [],
    readAt: data.readAt,
    get pullRequests() {
      return (pullRequests ??= inferPullRequests(data.commits, commitIndex()));
    },
    get reverts() {
      return (reverts ??= findReverts(data.commits, commitIndex));
    },
    get authors() {
      return (authors ??= authorStats(data.commits, exclude));
    },
    ownersOf(paths: readonly string[]): FileOwner[] {
      ownership ??= new OwnershipIndex(data.commits, { halfLifeDays: settings.halfLifeDays, now: data.readAt, exclude });
      return ownership.ownersOf(paths);
    },
  };
}
