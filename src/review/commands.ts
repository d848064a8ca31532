/** Commands on queue items: open, copy, snooze, un-snooze, refresh. */
import * as vscode from 'vscode';
import type { ReviewQueueController } from './controller';
import { nextWorkingDayStart } from '../core/time/businessHours';
import type { QueueNode } from './view/treeItems';
import type { QueueItem } from './model/queue';

const PR_EXTENSION_ID = 'GitHub.vscode-pull-request-github';
const HOUR = 60 * 60 * 1000;

function itemOf(node: unknown): QueueItem | undefined {
  const n = node as QueueNode | undefined;
  return n && n.kind === 'item' ? n.item : undefined;
}

/** Only web links go to the browser; a PR URL comes from the API and is checked anyway. */
function webUri(url: string): vscode.Uri | undefined {
  return /^https?:\/\//i.test(url) ? vscode.Uri.parse(url, true) : undefined;
}

async function pickItem(controller: ReviewQueueController, node: unknown, snoozedOnly = false): Promise<QueueItem | undefined> {
  const direct = itemOf(node);
  if (direct) return direct;
  const q = controller.queue;
  const items = snoozedOnly ? (q?.snoozed ?? []) : [...(q?.waiting ?? []), ...(q?.mine ?? [])];
  if (items.length === 0) return undefined;
  const pick = await vscode.window.showQuickPick(
    items.map((item) => ({ label: item.pr.title, description: `${item.pr.repo}#${item.pr.number}`, detail: item.reason, item })),
    { title: snoozedOnly ? 'Un-snooze which pull request?' : 'Which pull request?' },
  );
  return pick?.item;
}

export function registerReviewCommands(controller: ReviewQueueController): vscode.Disposable {
  const snoozeFor = async (node: unknown, choice?: 'hour' | 'tomorrow' | 'activity') => {
    const item = await pickItem(controller, node);
    if (!item) return;
    let which = choice;
    if (!which) {
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'For 1 hour', value: 'hour' as const },
          { label: 'Until tomorrow', description: 'the start of your next working day', value: 'tomorrow' as const },
          { label: 'Until there is new activity', description: 'a push, comment or review on it', value: 'activity' as const },
        ],
        { title: `Snooze #${item.pr.number}` },
      );
      which = pick?.value;
    }
    if (!which) return;
    const now = Date.now();
    await controller.setSnooze(
      item.pr.key,
      which === 'activity'
        ? { kind: 'activity', seenUpdatedAt: item.pr.updatedAt, since: now }
        : { kind: 'until', until: which === 'hour' ? now + HOUR : nextWorkingDayStart(now, controller.schedule()) },
    );
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('multiplier.review.refresh', () => controller.refresh('command')),
    vscode.commands.registerCommand('multiplier.review.openInBrowser', async (node?: unknown) => {
      const item = await pickItem(controller, node);
      const uri = item && webUri(item.pr.url);
      if (uri) await vscode.env.openExternal(uri);
    }),
    vscode.commands.registerCommand('multiplier.review.openInPullRequestsExtension', async (node?: unknown) => {
      const item = await pickItem(controller, node);
      if (!item || !webUri(item.pr.url)) return;
      if (!vscode.extensions.getExtension(PR_EXTENSION_ID)) {
        const choice = await vscode.window.showInformationMessage(
          'The GitHub Pull Requests extension is not installed.',
          'Open in Browser',
        );
        if (choice === 'Open in Browser') await vscode.env.openExternal(vscode.Uri.parse(item.pr.url, true));
        return;
      }
      // The extension's URI handler opens a PR's description from its web URL.
      const query = `uri=${encodeURIComponent(item.pr.url)}`;
      await vscode.env.openExternal(
        vscode.Uri.from({
          scheme: vscode.env.uriScheme,
          authority: PR_EXTENSION_ID.toLowerCase(),
          path: '/open-pull-request-webview',
          query,
        }),
      );
    }),
    vscode.commands.registerCommand('multiplier.review.copyLink', async (node?: unknown) => {
      const item = await pickItem(controller, node);
      if (item) {
        await vscode.env.clipboard.writeText(item.pr.url);
        vscode.window.setStatusBarMessage(`Copied the link to #${item.pr.number}`, 3000);
      }
    }),
    vscode.commands.registerCommand('multiplier.review.snooze', (node?: unknown) => snoozeFor(node)),
    vscode.commands.registerCommand('multiplier.review.snoozeHour', (node?: unknown) => snoozeFor(node, 'hour')),
    vscode.commands.registerCommand('multiplier.review.snoozeTomorrow', (node?: unknown) => snoozeFor(node, 'tomorrow')),
    vscode.commands.registerCommand('multiplier.review.snoozeUntilActivity', (node?: unknown) => snoozeFor(node, 'activity')),
    vscode.commands.registerCommand('multiplier.review.unsnooze', async (node?: unknown) => {
      const item = itemOf(node) ?? (await pickItem(controller, undefined, true));
      if (item) await controller.setSnooze(item.pr.key, undefined);
    }),
  );
}
