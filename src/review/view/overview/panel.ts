/**
 * PR overview tabs: one webview panel per pull request, rendered in the extension (escaped,
 * strict policy, a fresh nonce each render) and re-rendered when the queue or the details change.
 * The page's script only forwards clicks and policy violations as validated messages.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Clock } from '../../../core/clock';
import { displayText } from '../../../core/text';
import type { Logger } from '../../../core/vscode/logger';
import type { ReviewController } from '../../controller';
import type { DetailsResult, PullDetailsLoader } from '../../details';
import type { PullDetails } from '../../model/pullDetails';
import type { PullRequest } from '../../model/pullRequest';
import type { QueueItem } from '../../model/queue';
import { actionsFor, renderOverviewHtml, type OverviewInput } from './html';
import { isOverviewMessage, type OverviewAction } from './protocol';

export const OVERVIEW_VIEW_TYPE = 'multiplier.prOverview';

export interface OverviewTarget {
  pr: PullRequest;
  item?: QueueItem;
  details?: PullDetails;
}

export interface OverviewHandlers {
  action(action: OverviewAction, target: OverviewTarget): Promise<void> | void;
  openFile(target: OverviewTarget, index: number): Promise<void> | void;
  prExtensionInstalled(): boolean;
  /** The words capability's description check is at hand. */
  checkDescriptionAvailable(): boolean;
}

interface OverviewState {
  panel: vscode.WebviewPanel;
  pr: PullRequest;
  details?: PullDetails;
  loading: boolean;
  notice?: string;
  html: string;
  /** The last render without its nonce, to skip renders that would show the same page. */
  shape?: string;
  renders: number;
  /** Pages whose script started (one per render that reached the page). */
  ready: number;
  violations: { directive: string; blocked: string }[];
}

export class OverviewPanels implements vscode.Disposable {
  private readonly open = new Map<string, OverviewState>();
  private readonly subs: vscode.Disposable[] = [];
  private handlers: OverviewHandlers | undefined;

  constructor(
    private readonly deps: {
      extensionUri: vscode.Uri;
      controller: ReviewController;
      loader: PullDetailsLoader;
      clock: Clock;
      log: Logger;
    },
  ) {
    this.subs.push(
      new vscode.Disposable(
        deps.controller.onDidChange(() => {
          for (const state of this.open.values()) this.render(state);
        }).dispose,
      ),
    );
  }

  setHandlers(handlers: OverviewHandlers): void {
    this.handlers = handlers;
  }

  /**
   * Opens (or reveals) the overview of a pull request and loads its details; with `preloaded`
   * (details just fetched by whoever asked), shows those instead of asking GitHub again.
   */
  async show(pr: PullRequest, preloaded?: DetailsResult): Promise<void> {
    const existing = this.open.get(pr.key);
    if (existing) {
      existing.panel.reveal(undefined, false);
      if (preloaded) this.loaded(existing, preloaded);
      else await this.load(existing);
      return;
    }
    const media = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'review');
    const panel = vscode.window.createWebviewPanel(OVERVIEW_VIEW_TYPE, this.title(pr), vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [media],
    });
    panel.iconPath = new vscode.ThemeIcon('git-pull-request');
    const state: OverviewState = {
      panel,
      pr,
      details: this.deps.loader.known(pr.key),
      loading: preloaded === undefined,
      html: '',
      renders: 0,
      ready: 0,
      violations: [],
    };
    this.open.set(pr.key, state);
    panel.onDidDispose(() => this.open.delete(pr.key));
    panel.webview.onDidReceiveMessage((message: unknown) => void this.received(state, message));
    if (preloaded) return this.loaded(state, preloaded);
    this.render(state);
    await this.load(state);
  }

  private title(pr: PullRequest): string {
    return displayText(`#${pr.number} ${pr.title}`, { maxLength: 40 });
  }

  private async load(state: OverviewState): Promise<void> {
    state.loading = true;
    this.render(state);
    this.loaded(state, await this.deps.loader.load(state.pr));
  }

  private loaded(state: OverviewState, result: DetailsResult): void {
    if (result.details) {
      state.details = result.details;
      state.pr = { ...state.pr, ...result.details.pr };
    }
    state.notice = result.notice;
    state.loading = false;
    state.panel.title = this.title(state.pr);
    this.render(state);
  }

  private target(state: OverviewState): OverviewTarget {
    return { pr: state.pr, item: this.deps.controller.itemFor(state.pr.key), details: state.details };
  }

  private async received(state: OverviewState, message: unknown): Promise<void> {
    if (!isOverviewMessage(message)) return; // another origin: trust nothing of another shape
    try {
      switch (message.type) {
        case 'ready':
          state.ready++;
          return;
        case 'csp':
          state.violations.push({ directive: message.directive.slice(0, 100), blocked: message.blocked.slice(0, 200) });
          this.deps.log.warn(`review overview: the page's policy refused ${message.directive.slice(0, 100)}`);
          return;
        case 'openFile':
          await this.handlers?.openFile(this.target(state), message.index);
          return;
        case 'action':
          if (message.action === 'refresh') return await this.load(state);
          // A page can only ask for what it was offered (no check-out of a merged pull request).
          if (!actionsFor(this.input(state)).includes(message.action)) return;
          await this.handlers?.action(message.action, this.target(state));
          return;
        default:
          return;
      }
    } catch (error) {
      this.deps.log.error('review overview: an action failed', error);
      void vscode.window.showErrorMessage(vscode.l10n.t('That did not work: {0}', error instanceof Error ? error.message : String(error)));
    }
  }

  /** What the page shows, from the panel's state and the queue's. */
  private input(state: OverviewState): OverviewInput {
    return {
      pr: state.pr,
      item: this.deps.controller.itemFor(state.pr.key),
      details: state.details,
      loading: state.loading,
      notice: state.notice,
      pinned: this.deps.controller.pins().includes(state.pr.key),
      prExtension: this.handlers?.prExtensionInstalled() ?? false,
      checkDescription: this.handlers?.checkDescriptionAvailable() ?? false,
      now: this.deps.clock.now(),
    };
  }

  /**
   * Renders when what the page shows changed: setting the HTML reloads the page (and its scroll
   * position), so a queue refresh that changed nothing here leaves the page alone.
   */
  private render(state: OverviewState): void {
    const webview = state.panel.webview;
    const media = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'review');
    const input = this.input(state);
    const resources = {
      cspSource: webview.cspSource,
      nonce: '',
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'overview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'overview.css')).toString(),
    };
    const shape = renderOverviewHtml(input, resources);
    if (shape === state.shape) return;
    state.shape = shape;
    state.html = renderOverviewHtml(input, { ...resources, nonce: randomBytes(16).toString('hex') });
    state.renders++;
    webview.html = state.html;
  }

  /** Plain state of every open overview, for the test API. */
  snapshot(): {
    key: string;
    title: string;
    html: string;
    loading: boolean;
    notice?: string;
    renders: number;
    ready: number;
    violations: { directive: string; blocked: string }[];
    files: number;
  }[] {
    return [...this.open.values()].map((s) => ({
      key: s.pr.key,
      title: s.panel.title,
      html: s.html,
      loading: s.loading,
      notice: s.notice,
      renders: s.renders,
      ready: s.ready,
      violations: [...s.violations],
      files: s.details?.files.length ?? 0,
    }));
  }

  dispose(): void {
    for (const s of this.subs.splice(0)) s.dispose();
    for (const state of [...this.open.values()]) state.panel.dispose();
  }
}
