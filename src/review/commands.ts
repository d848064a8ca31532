/** Commands on queue items: open in the browser, copy, snooze, un-snooze, pin, refresh. */
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { displayText } from '../core/text';
import { nextWorkingDayStart } from '../core/time/businessHours';
import type { CommandTable } from '../core/vscode/commands';
import type { ReviewController } from './controller';
import type { QueueItem } from './model/queue';
import type { ReviewPoller } from './poller';
import type { QueueNode } from './view/treeItems';

const PR_EXTENSION_ID = 'GitHub.vscode-pull-request-github';
const HOUR = 60 * 60 * 1000;

type SnoozeChoice = 'hour' | 'tomorrow' | 'activity';

export function itemOf(node: unknown): QueueItem | undefined {
  const n = node as QueueNode | undefined;
  return n && n.kind === 'item' ? n.item : undefined;
}

/** Only web links go to the browser; a PR URL comes from the API and is checked anyway. */
export function webUri(url: string): vscode.Uri | undefined {
  return /^https?:\/\//i.test(url) ? vscode.Uri.parse(url, true) : undefined;
}

export async function pickItem(controller: ReviewController, node: unknown, snoozedOnly = false): Promise<QueueItem | undefined> {
  const direct = itemOf(node);
  if (direct) return direct;
  const items = controller.items().filter((i) => i.snoozed === snoozedOnly);
  if (items.length === 0) return undefined;
  const pick = await vscode.window.showQuickPick(
    items.map((item) => ({
      label: displayText(item.pr.title, { maxLength: 200 }),
      description: displayText(`${item.pr.repo}#${item.pr.number}`, { maxLength: 120 }),
      detail: displayText(item.reason, { maxLength: 300 }),
      item,
    })),
    { title: snoozedOnly ? vscode.l10n.t('Un-snooze which pull request?') : vscode.l10n.t('Which pull request?') },
  );
  return pick?.item;
}

async function askSnoozeChoice(item: QueueItem): Promise<SnoozeChoice | undefined> {
  const pick = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('For 1 hour'), value: 'hour' as const },
      {
        label: vscode.l10n.t('Until tomorrow'),
        description: vscode.l10n.t('the start of your next working day'),
        value: 'tomorrow' as const,
      },
      {
        label: vscode.l10n.t('Until there is new activity'),
        description: vscode.l10n.t('a push, comment or review on it'),
        value: 'activity' as const,
      },
    ],
    { title: vscode.l10n.t('Snooze #{0}', item.pr.number) },
  );
  return pick?.value;
}

export async function snooze(controller: ReviewController, clock: Clock, node: unknown, choice?: SnoozeChoice): Promise<void> {
  const item = await pickItem(controller, node);
  const which = item && (choice ?? (await askSnoozeChoice(item)));
  if (!item || !which) return;
  const now = clock.now();
  await controller.setSnooze(
    item.pr.key,
    which === 'activity'
      ? { kind: 'activity', seenUpdatedAt: item.pr.updatedAt, since: now }
      : { kind: 'until', until: which === 'hour' ? now + HOUR : nextWorkingDayStart(now, controller.schedule()) },
  );
}

export async function openInPullRequestsExtension(controller: ReviewController, node: unknown): Promise<void> {
  const item = await pickItem(controller, node);
  if (item) await openUrlInPullRequestsExtension(item.pr.url);
}

/** Any pull request by its web URL (one outside the queue too), in the GitHub Pull Requests extension. */
export async function openUrlInPullRequestsExtension(url: string): Promise<void> {
  if (!webUri(url)) return;
  if (!vscode.extensions.getExtension(PR_EXTENSION_ID)) {
    const open = vscode.l10n.t('Open in Browser');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('The GitHub Pull Requests extension is not installed.'), open);
    if (choice === open) await vscode.env.openExternal(vscode.Uri.parse(url, true));
    return;
  }
  // The extension's URI handler opens a PR's description from its web URL.
  const query = `uri=${encodeURIComponent(url)}`;
  const path = '/open-pull-request-webview';
  await vscode.env.openExternal(vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: PR_EXTENSION_ID.toLowerCase(), path, query }));
}

export function reviewCommands(controller: ReviewController, poller: ReviewPoller, clock: Clock): CommandTable {
  return {
    'multiplier.review.refresh': () => poller.refresh('command'),
    'multiplier.review.openInBrowser': async (node?: unknown) => {
      const item = await pickItem(controller, node);
      const uri = item && webUri(item.pr.url);
      if (uri) await vscode.env.openExternal(uri);
    },
    'multiplier.review.openInPullRequestsExtension': (node?: unknown) => openInPullRequestsExtension(controller, node),
    'multiplier.review.copyLink': async (node?: unknown) => {
      const item = await pickItem(controller, node);
      if (!item) return;
      await vscode.env.clipboard.writeText(item.pr.url);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the link to #{0}', item.pr.number), 3000);
    },
    'multiplier.review.snooze': (node?: unknown) => snooze(controller, clock, node),
    'multiplier.review.snoozeHour': (node?: unknown) => snooze(controller, clock, node, 'hour'),
    'multiplier.review.snoozeTomorrow': (node?: unknown) => snooze(controller, clock, node, 'tomorrow'),
    'multiplier.review.snoozeUntilActivity': (node?: unknown) => snooze(controller, clock, node, 'activity'),
    'multiplier.review.unsnooze': async (node?: unknown) => {
      const item = itemOf(node) ?? (await pickItem(controller, undefined, true));
      if (item) await controller.setSnooze(item.pr.key, undefined);
    },
    'multiplier.review.pin': async (node?: unknown) => {
      const item = await pickItem(controller, node);
      if (item) await controller.setPinned(item.pr.key, true);
    },
    'multiplier.review.unpin': async (node?: unknown) => {
      const item = itemOf(node) ?? (await pickItem(controller, undefined));
      if (item) await controller.setPinned(item.pr.key, false);
    },
  };
}
