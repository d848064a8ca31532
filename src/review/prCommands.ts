/**
 * Commands on one pull request inside the editor: its overview, its changes in the multi-file
 * diff editor (contents from GitHub, no checkout), one file's diff, check out, copy a question for
 * the author. The overview's buttons run the same code.
 */
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { displayText } from '../core/text';
import type { Logger } from '../core/vscode/logger';
import { isRepoName, type GitHubApi } from '../github/api';
import type { OpenInEditorOutcome, PullRequestRef } from './api';
import { checkPullRequestDescription, showDescriptionCheck, type DescriptionChecker } from './checkDescription';
import { openUrlInPullRequestsExtension, pickItem, snooze, webUri } from './commands';
import type { ReviewController } from './controller';
import type { PullDetailsLoader } from './details';
import { contentUriParts, PR_CONTENT_SCHEME, type ContentRef } from './model/contentUri';
import type { ChangedFile, PullDetails } from './model/pullDetails';
import type { PullRequest } from './model/pullRequest';
import type { PageCommand } from './pageCommands';
import type { DescriptionCheckOutcome } from './policy/descriptionCheck';
import { questionForAuthor } from './policy/questions';
import { checkoutPullRequest } from './source/checkout';
import type { OverviewPanels, OverviewTarget } from './view/overview/panel';
import type { OverviewAction } from './view/overview/protocol';

export interface PullCommandDeps {
  controller: ReviewController;
  loader: PullDetailsLoader;
  overviews: OverviewPanels;
  github: GitHubApi;
  clock: Clock;
  log: Logger;
  prExtensionInstalled: () => boolean;
  /** The words capability's description check. */
  words: DescriptionChecker;
}

/** One `[resource, original, modified]` triple of the multi-file diff editor. */
export type ChangeTriple = [vscode.Uri, vscode.Uri | undefined, vscode.Uri | undefined];

function uriOf(ref: ContentRef): vscode.Uri | undefined {
  const parts = contentUriParts(ref);
  return parts && vscode.Uri.from({ scheme: PR_CONTENT_SCHEME, path: parts.path, query: parts.query });
}

/** Base and head documents of one changed file; undefined when its path cannot be used safely. */
export function fileSides(pr: PullRequest, mergeBase: string, file: ChangedFile): ChangeTriple | undefined {
  const basePath = file.previousPath ?? file.path;
  const added = file.status === 'added';
  const removed = file.status === 'removed';
  const head = uriOf({ repo: pr.repo, sha: pr.headSha, path: file.path, ...(removed ? { empty: true } : {}) });
  const base = uriOf({ repo: pr.repo, sha: mergeBase, path: basePath, ...(added ? { empty: true } : {}) });
  if (!head || !base) return undefined;
  return [head, added ? undefined : base, removed ? undefined : head];
}

export class PullCommands {
  /** What the last Open Changes passed to the editor, for the test API. */
  readonly lastChanges: { title?: string; triples: string[][]; skipped: string[] } = { triples: [], skipped: [] };
  /** What the last Check description told the user, for the test API. */
  lastDescriptionCheck: ({ key: string } & DescriptionCheckOutcome) | undefined;

  constructor(private readonly deps: PullCommandDeps) {}

  private async detailsOf(pr: PullRequest, known?: PullDetails): Promise<PullDetails | undefined> {
    if (known) return known;
    const loaded = this.deps.loader.known(pr.key) ?? (await this.deps.loader.load(pr)).details;
    if (!loaded)
      void vscode.window.showWarningMessage(
        vscode.l10n.t('The changed files of #{0} could not be loaded. Try again when GitHub can be reached.', pr.number),
      );
    return loaded;
  }

  async openChanges(pr: PullRequest, known?: PullDetails): Promise<void> {
    const details = await this.detailsOf(pr, known);
    if (!details) return;
    const fresh = details.pr;
    const mergeBase = await this.deps.loader.mergeBase(details);
    if (!mergeBase) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('GitHub did not say which commit #{0} starts from, so its changes cannot be shown here.', pr.number),
      );
      return;
    }
    const triples: ChangeTriple[] = [];
    const skipped: string[] = [];
    for (const file of details.files) {
      const sides = fileSides(fresh, mergeBase, file);
      if (sides) triples.push(sides);
      else skipped.push(file.path);
    }
    const title = vscode.l10n.t('#{0} {1}: changes', pr.number, displayText(fresh.title, { maxLength: 40 }));
    this.lastChanges.title = title;
    this.lastChanges.triples = triples.map((t) => t.map((u) => u?.toString() ?? ''));
    this.lastChanges.skipped = skipped;
    if (skipped.length > 0) this.deps.log.warn(`review: ${skipped.length} file(s) of ${pr.key} have names that cannot be shown safely`);
    await vscode.commands.executeCommand('vscode.changes', title, triples);
  }

  async openFile(target: OverviewTarget, index: number): Promise<void> {
    const details = target.details;
    const file = details?.files[index];
    if (!details || !file) return;
    const mergeBase = await this.deps.loader.mergeBase(details);
    const sides = mergeBase ? fileSides(details.pr, mergeBase, file) : undefined;
    if (!sides) return;
    const left = sides[1] ?? sides[0].with({ query: [sides[0].query, 'empty=1'].filter(Boolean).join('&') });
    const right = sides[2] ?? sides[0];
    const name = displayText(file.path.split('/').pop() ?? file.path, { maxLength: 60 });
    await vscode.commands.executeCommand('vscode.diff', left, right, vscode.l10n.t('{0} (#{1})', name, target.pr.number), {
      preview: true,
    });
  }

  async checkout(pr: PullRequest): Promise<void> {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking out #{0}…', pr.number) },
      () => checkoutPullRequest(pr, this.deps.github),
    );
    if (result.ok) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('Checked out #{0} as {1}', pr.number, result.branch), 5000);
      if (!result.fetched)
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Checked out the local copy of #{0}: it could not be fetched, so it may be behind.', pr.number),
        );
      return;
    }
    const choice = await vscode.window.showWarningMessage(result.message, vscode.l10n.t('Open Changes Instead'));
    if (choice) await this.openChanges(pr);
  }

  async copyQuestion(target: OverviewTarget): Promise<void> {
    const item = target.item ?? this.deps.controller.itemFor(target.pr.key);
    await vscode.env.clipboard.writeText(questionForAuthor(target.pr, item?.flags ?? []));
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied a question for the author of #{0}', target.pr.number), 4000);
  }

  async checkDescription(target: OverviewTarget): Promise<void> {
    const outcome = checkPullRequestDescription(target.pr, target.details, this.deps.words);
    this.lastDescriptionCheck = { key: target.pr.key, ...outcome };
    await showDescriptionCheck(outcome);
  }

  /** What an overview button does. */
  async action(action: OverviewAction, target: OverviewTarget): Promise<void> {
    const { controller, clock } = this.deps;
    const node = target.item ? { kind: 'item', item: target.item, under: target.item.group } : undefined;
    switch (action) {
      case 'openChanges':
        return this.openChanges(target.pr, target.details);
      case 'checkout':
        return this.checkout(target.pr);
      case 'openInBrowser': {
        const uri = webUri(target.pr.url);
        if (uri) await vscode.env.openExternal(uri);
        return;
      }
      case 'openInPullRequests':
        return openUrlInPullRequestsExtension(target.pr.url);
      case 'snooze':
        return node ? snooze(controller, clock, node) : undefined;
      case 'pin':
      case 'unpin':
        return controller.setPinned(target.pr.key, action === 'pin');
      case 'copyQuestion':
        return this.copyQuestion(target);
      case 'checkDescription':
        return this.checkDescription(target);
      default:
        return;
    }
  }

  /**
   * Any pull request of the configured GitHub in the overview, by repository and number: one in
   * the queue as the queue opens it; another (a merged one from Team Health) is fetched first, so
   * that when it cannot be shown the caller still has the click, and learns why.
   */
  async openPullRequest(ref: PullRequestRef): Promise<OpenInEditorOutcome> {
    if (!isRepoName(ref.repo) || !Number.isSafeInteger(ref.number) || ref.number < 1) return 'failed';
    const key = `${ref.repo}#${ref.number}`.toLowerCase();
    const queued = this.deps.controller.items().find((i) => i.pr.key.toLowerCase() === key);
    if (queued) {
      await this.deps.overviews.show(queued.pr);
      return 'opened';
    }
    const result = await this.deps.loader.loadByNumber(ref);
    if (!result.details) return result.problem ?? 'failed';
    await this.deps.overviews.show(result.details.pr, result);
    return 'opened';
  }

  /** The implementation behind the stubs registered at activation (src/review/pages.ts). */
  commands(): Record<PageCommand, (node?: unknown) => Promise<void>> {
    const { controller, overviews } = this.deps;
    return {
      'multiplier.review.openOverview': async (node?: unknown) => {
        const item = await pickItem(controller, node);
        if (item) await overviews.show(item.pr);
      },
      'multiplier.review.openChanges': async (node?: unknown) => {
        const item = await pickItem(controller, node);
        if (item) await this.openChanges(item.pr);
      },
      'multiplier.review.checkout': async (node?: unknown) => {
        const item = await pickItem(controller, node);
        if (item) await this.checkout(item.pr);
      },
      'multiplier.review.copyQuestion': async (node?: unknown) => {
        const item = await pickItem(controller, node);
        if (item) await this.copyQuestion({ pr: item.pr, item });
      },
    };
  }
}
