import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { coachRuntime } from '../load';
import { type CoachViewModel, isWebviewMessage, type WebviewMessage } from './protocol';

export const COACH_VIEW_ID = 'multiplier.coach';

/**
 * The Coach webview view: renders the model (escaped, strict CSP, fresh nonce each time) and
 * forwards validated messages. It keeps no state of its own beyond the last HTML, for tests.
 */
export class CoachViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private model: CoachViewModel = { waiting: 0, problems: [], muted: [], unseenTerminals: 0 };
  private notices: readonly string[] = [];
  private lastHtml = '';
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly onMessage: (message: WebviewMessage) => void,
    private readonly onFirstShow: () => void,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const mediaRoot = vscode.Uri.joinPath(this.extensionUri, 'media', 'coach');
    view.webview.options = { enableScripts: true, localResourceRoots: [mediaRoot] };
    this.disposables.push(
      view.webview.onDidReceiveMessage((message: unknown) => {
        // The webview is another origin: trust nothing it sends until it has the expected shape.
        if (isWebviewMessage(message)) this.onMessage(message);
      }),
      view.onDidDispose(() => {
        this.view = undefined;
      }),
    );
    this.render();
    this.onFirstShow();
  }

  update(model: CoachViewModel): void {
    this.model = model;
    this.render();
  }

  /** Lines about missing history (a repository git refuses), shown below the prompt. */
  setNotices(notices: readonly string[]): void {
    this.notices = notices;
    this.render();
  }

  /** The HTML of the last render; for integration tests. */
  html(): string {
    return this.lastHtml;
  }

  isResolved(): boolean {
    return this.view !== undefined;
  }

  private render(): void {
    const view = this.view;
    if (!view) return;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media', 'coach');
    // The HTML is written by dist/coach.js, loaded by the view's first render.
    const { makeNonce, renderCoachHtml } = coachRuntime();
    this.lastHtml = renderCoachHtml(
      this.model,
      {
        cspSource: view.webview.cspSource,
        nonce: makeNonce((n) => randomBytes(n)),
        scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'coach.js')).toString(),
        styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'coach.css')).toString(),
      },
      this.notices,
    );
    view.webview.html = this.lastHtml;
    const count = (this.model.current ? 1 : 0) + this.model.waiting;
    view.badge =
      count > 0
        ? { value: count, tooltip: count === 1 ? vscode.l10n.t('1 coach prompt') : vscode.l10n.t('{0} coach prompts', count) }
        : undefined;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
