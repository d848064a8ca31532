/**
 * Team Health in the editor, bundled apart from the extension (dist/health.js) and loaded the first
 * time the view is shown or a Team Health command runs (src/health/register.ts), so its metric code
 * costs nothing at activation. Builds the controller, the tree, the dashboard panel and the commands,
 * and keeps the view's context key, description and progress in step with the controller.
 */
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { displayText } from '../core/text';
import { followHistoryRefusals } from '../core/vscode/historyRefused';
import type { Logger } from '../core/vscode/logger';
import type { GitApi } from '../git/api';
import type { GitHubApi } from '../github/api';
import type { NudgeApi } from '../nudge/api';
import { healthCommands, type HealthCommands, type OpenPullRequestInEditor } from './commands';
import { HealthController } from './controller';
import { readHealthSettings } from './model/settings';
import { HealthPanel } from './view/panel';
import type { PeriodChoice } from './view/protocol';
import { HealthTreeProvider } from './view/tree';

export const STATE_CONTEXT_KEY = 'multiplier.health.state';
const PERIOD_KEY = 'multiplier.health.weeks';

export interface HealthRuntimeDeps {
  context: vscode.ExtensionContext;
  log: Logger;
  clock: Clock;
  git: GitApi;
  github: GitHubApi;
  nudges: NudgeApi;
  openPullRequestInEditor: OpenPullRequestInEditor;
}

export interface HealthRuntime extends vscode.Disposable {
  readonly controller: HealthController;
  readonly tree: HealthTreeProvider;
  readonly panel: HealthPanel;
  readonly commands: HealthCommands;
  /** The tree view the stub created: its description and progress follow the controller. */
  attach(view: vscode.TreeView<unknown>): void;
  /** What the view says above its tree: notes about the data, and repositories git refuses. */
  message(): string | undefined;
}

export function createHealthRuntime(deps: HealthRuntimeDeps): HealthRuntime {
  const { context, log, clock } = deps;
  const controller = new HealthController({
    git: deps.git,
    github: deps.github,
    clock,
    settings: () => {
      const c = vscode.workspace.getConfiguration('multiplier.health');
      return readHealthSettings((key) => c.get<unknown>(key));
    },
    botAuthors: () => vscode.workspace.getConfiguration('multiplier').get<unknown>('botAuthors'),
    schedule: () => deps.nudges.settings(),
    period: {
      get: () => context.workspaceState.get<unknown>(PERIOD_KEY),
      set: (weeks: PeriodChoice) => void context.workspaceState.update(PERIOD_KEY, weeks),
    },
    pause: () => new Promise((resolve) => setImmediate(resolve)),
    log,
  });
  const tree = new HealthTreeProvider(controller);
  let commands: HealthCommands | undefined;
  const panel = new HealthPanel(context.extensionUri, controller, (message) => void commands?.handle(message), log);
  commands = healthCommands({ controller, panel, github: deps.github, clock, openPullRequestInEditor: deps.openPullRequestInEditor, log });

  const disposables: { dispose(): void }[] = [tree, panel];
  let lastState: string | undefined;
  let progress: (() => void) | undefined;
  let view: vscode.TreeView<unknown> | undefined;
  let refusals: string[] = [];
  let message: string | undefined;

  const sync = () => {
    const state = controller.view();
    if (state.status !== lastState) {
      lastState = state.status;
      void vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, state.status);
    }
    // Above the tree, or instead of the welcome content when no repository could be read.
    const notes = [...refusals, ...(state.report ? [...state.notes, ...state.report.notes] : [])];
    message = notes.length > 0 ? notes.map((n) => displayText(n, { maxLength: 600 })).join(' ') : undefined;
    if (view) {
      view.description = state.label ? vscode.l10n.t('{0} · {1} weeks', state.label, state.weeks) : undefined;
      view.message = message;
    }
    // A progress bar on the view while history or GitHub is read.
    if (state.busy && !progress) {
      void vscode.window.withProgress(
        { location: { viewId: 'multiplier.teamHealth' } },
        () => new Promise<void>((resolve) => (progress = resolve)),
      );
    } else if (!state.busy && progress) {
      progress();
      progress = undefined;
    }
  };
  disposables.push(controller.onDidChange(sync));
  // A repository git refuses (another user owns it): say why it has no figures, and the fix.
  disposables.push(
    followHistoryRefusals(deps.git, vscode.l10n.t('Team Health cannot read its history'), (notices) => {
      refusals = notices;
      sync();
    }),
  );
  disposables.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['multiplier.health', 'multiplier.botAuthors', 'multiplier.workingHours'].some((section) => e.affectsConfiguration(section))) {
        void controller.settingsChanged();
      }
    }),
  );
  sync();

  return {
    controller,
    tree,
    panel,
    commands,
    attach(treeView) {
      view = treeView;
      sync();
    },
    message: () => message,
    dispose() {
      progress?.();
      for (const d of disposables.splice(0)) d.dispose();
      controller.dispose();
    },
  };
}
