/**
 * The Team Health dashboard in a webview panel: the HTML shell (strict CSP, a fresh nonce per render),
 * the bundled chart script, and the messages both ways. It keeps no data of its own: the report comes
 * from the controller, and every message from the webview is validated before anything is done.
 *
 * It also keeps what it observed (first paint, CSP violations, messages refused), which the log shows
 * and the test API reads.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { HealthController } from '../controller';
import type { FigureId } from '../model/definitions';
import { renderHealthHtml } from './html';
import {
  HEALTH_PROTOCOL_VERSION,
  isFromDashboard,
  PERIOD_CHOICES,
  type FromDashboard,
  type PeriodChoice,
  type ToDashboard,
} from './protocol';

export const PANEL_TYPE = 'multiplier.teamHealth';

export interface PanelLog {
  info(message: string): void;
  warn(message: string): void;
}

/** What the panel observed, as plain data. */
export interface PanelState {
  open: boolean;
  /** `health/ready` messages received (one per load of the page). */
  loads: number;
  /** Reports posted to the page. */
  reportsPosted: number;
  /** Command → first paint of the figures, in ms, for each open of the panel (newest last). */
  firstPaints: number[];
  /** Reports drawn, as the page said (with how long drawing took in the page). */
  paints: { weeks: number; repoRoot: string; renderMs: number; complete: boolean; theme: string }[];
  /** Figures the page scrolled to, in order. */
  revealed: string[];
  cspViolations: { directive: string; blocked: string }[];
  refusedMessages: number;
  /** Messages handled, by type. */
  handled: Record<string, number>;
}

export class HealthPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly subscription: { dispose(): void };
  /** When the open command ran (performance.now), until the first paint after it. */
  private openedAt: number | undefined;
  private pendingReveal: FigureId | undefined;
  private ready = false;
  /** The report last sent to this page: a change of `busy` alone does not redraw it. */
  private posted: unknown;
  /** The report carried in the page's HTML (a reloaded page has it again). */
  private embedded: unknown;
  readonly state: PanelState = {
    open: false,
    loads: 0,
    reportsPosted: 0,
    firstPaints: [],
    paints: [],
    revealed: [],
    cspViolations: [],
    refusedMessages: 0,
    handled: {},
  };

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly controller: HealthController,
    private readonly onMessage: (message: FromDashboard) => void,
    private readonly log: PanelLog,
  ) {
    this.subscription = controller.onDidChange(() => this.post());
  }

  /** Shows the dashboard (creating it if needed), optionally at one figure. `startedAt`: when the command ran. */
  show(options: { figure?: FigureId; startedAt?: number } = {}): void {
    this.pendingReveal = options.figure;
    if (this.panel) {
      // A hidden panel's page was discarded: it loads and paints again, which counts as a first paint.
      if (!this.panel.visible) this.openedAt = options.startedAt ?? performance.now();
      this.panel.reveal(undefined, false);
      this.flushReveal();
      return;
    }
    this.openedAt = options.startedAt ?? performance.now();
    const webviewRoot = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel(
      PANEL_TYPE,
      vscode.l10n.t('Team Health'),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      { enableScripts: true, localResourceRoots: [webviewRoot], retainContextWhenHidden: false },
    );
    panel.iconPath = new vscode.ThemeIcon('graph');
    this.panel = panel;
    this.ready = false;
    this.state.open = true;
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
        this.state.open = false;
        this.openedAt = undefined;
      }),
      // A hidden panel's page is discarded (no retained context); it loads again when shown.
      panel.onDidChangeViewState((e) => {
        if (!e.webviewPanel.visible) this.ready = false;
      }),
    );
    this.render(panel);
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  private render(panel: vscode.WebviewPanel): void {
    const webviewRoot = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const initial = this.message();
    this.embedded = initial?.type === 'health/report' ? this.controller.view().report : undefined;
    panel.webview.html = renderHealthHtml({
      initial: initial?.type === 'health/report' ? initial : undefined,
      // The page's own text is translated in the page, from the same table as ours (none in English).
      translations: vscode.l10n.bundle,
      cspSource: panel.webview.cspSource,
      nonce: randomBytes(16).toString('hex'),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'health.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'health.css')).toString(),
    });
  }

  private receive(message: unknown): void {
    // The page is another origin: nothing it sends is trusted until it has the expected shape.
    if (!isFromDashboard(message)) {
      this.state.refusedMessages++;
      this.log.warn(`health: refused a message from the dashboard: ${JSON.stringify(message)?.slice(0, 200)}`);
      return;
    }
    this.state.handled[message.type] = (this.state.handled[message.type] ?? 0) + 1;
    switch (message.type) {
      case 'health/ready':
        this.ready = true;
        this.posted = this.embedded; // a new page: it has what its HTML carried
        this.state.loads++;
        this.post();
        this.flushReveal();
        return;
      case 'health/revealed':
        this.state.revealed.push(message.figure);
        return;
      case 'health/painted': {
        const { weeks, repoRoot, renderMs, complete, theme } = message;
        this.state.paints.push({ weeks, repoRoot, renderMs, complete, theme });
        if (this.openedAt !== undefined && !complete) {
          const ms = Math.round(performance.now() - this.openedAt);
          this.openedAt = undefined;
          this.state.firstPaints.push(ms);
          this.log.info(
            `health: dashboard painted ${ms} ms after the command (drawing took ${Math.round(message.renderMs)} ms in the page)`,
          );
        }
        return;
      }
      case 'health/cspViolation':
        this.state.cspViolations.push({ directive: message.directive, blocked: message.blocked });
        this.log.warn(`health: the dashboard's Content-Security-Policy blocked ${message.blocked || 'something'} (${message.directive})`);
        return;
      default:
        this.onMessage(message);
    }
  }

  /** Sends the current state: the report when the page does not have it yet, else what is under way. */
  post(): void {
    const panel = this.panel;
    if (!panel || !this.ready) return;
    const view = this.controller.view();
    const message: ToDashboard | undefined =
      view.report && view.root && this.posted === view.report ? { type: 'health/busy', message: view.busy } : this.message();
    if (!message) return;
    if (message.type === 'health/report') {
      this.posted = view.report;
      this.state.reportsPosted++;
    }
    void panel.webview.postMessage(message);
  }

  /** The report message for the current state, or progress or the error when there is no report. */
  private message(): ToDashboard | undefined {
    const view = this.controller.view();
    if (view.report && view.root) {
      return {
        type: 'health/report',
        protocol: HEALTH_PROTOCOL_VERSION,
        repoLabel: view.label ?? view.root,
        repositories: view.repositories,
        weeks: periodOf(view.report.period.weeks.length, view.weeks),
        signedIn: view.signedIn,
        busy: view.busy,
        notes: view.notes,
        report: view.report,
      };
    }
    if (view.status === 'error') {
      return { type: 'health/error', message: view.error ?? vscode.l10n.t('Something went wrong; the log has the details.') };
    }
    return { type: 'health/progress', message: view.busy ?? emptyMessage(view.status) };
  }

  private flushReveal(): void {
    if (!this.panel || !this.ready || !this.pendingReveal) return;
    void this.panel.webview.postMessage({ type: 'health/reveal', figure: this.pendingReveal } satisfies ToDashboard);
    this.pendingReveal = undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function emptyMessage(status: string): string {
  switch (status) {
    case 'untrusted':
      return vscode.l10n.t('Team Health reads git history, which Multiplier does only in a trusted workspace.');
    case 'noRepository':
      return vscode.l10n.t('Open a folder with a git repository to see its team health.');
    case 'gitMissing':
      return vscode.l10n.t('Git is not available, so there is no history to read.');
    default:
      return vscode.l10n.t('Reading history…');
  }
}

function periodOf(weeks: number, fallback: PeriodChoice): PeriodChoice {
  return PERIOD_CHOICES.includes(weeks as PeriodChoice) ? (weeks as PeriodChoice) : fallback;
}
