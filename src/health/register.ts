/**
 * Team Health's footprint at activation: the view with a provider that loads the rest on first look,
 * and commands that do the same. Everything else (controller, metrics, dashboard) lives in a bundle of
 * its own, dist/health.js (src/health/runtime.ts), required the first time it is needed, so a user who
 * never opens Team Health never pays for it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { registerCommands } from '../core/vscode/commands';
import type { Logger } from '../core/vscode/logger';
import type { GitApi } from '../git/api';
import type { GitHubApi } from '../github/api';
import type { NudgeApi } from '../nudge/api';
import type * as Runtime from './runtime';

export const TEAM_HEALTH_VIEW = 'multiplier.teamHealth';

export interface HealthDeps {
  context: vscode.ExtensionContext;
  log: Logger;
  clock: Clock;
  git: GitApi;
  github: GitHubApi;
  nudges: NudgeApi;
  /**
   * Opens a pull request in the review queue's PR overview when it can, or says why not (the
   * dashboard then opens the browser and says so). Wired by extension.ts to the review capability.
   */
  openPullRequestInEditor: Runtime.HealthRuntimeDeps['openPullRequestInEditor'];
}

export interface Health extends vscode.Disposable {
  /** The loaded runtime (loading it first if needed). */
  runtime(): Promise<Runtime.HealthRuntime>;
}

function loadRuntime(): typeof Runtime {
  // Beside this bundle in dist/; a path esbuild does not follow, so it stays a bundle of its own.
  const file = path.join(__dirname, 'health.js');
  try {
    return require(file) as typeof Runtime;
  } catch (error) {
    throw new Error(`Team Health could not be loaded from ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function registerHealth(deps: HealthDeps): Health {
  let loaded: Runtime.HealthRuntime | undefined;
  let loading: Promise<Runtime.HealthRuntime> | undefined;
  const changed = new vscode.EventEmitter<unknown>();
  const runtime = (): Promise<Runtime.HealthRuntime> =>
    (loading ??= Promise.resolve().then(() => {
      const started = performance.now();
      const rt = loadRuntime().createHealthRuntime(deps);
      rt.tree.onDidChangeTreeData(() => changed.fire(undefined));
      rt.attach(view);
      loaded = rt;
      deps.log.info(`health: loaded in ${(performance.now() - started).toFixed(1)} ms`);
      return rt;
    }));

  const view = vscode.window.createTreeView<unknown>(TEAM_HEALTH_VIEW, {
    treeDataProvider: {
      onDidChangeTreeData: changed.event,
      // First look at the view: load Team Health and start computing.
      getChildren: async (node?: unknown) => {
        const rt = await runtime();
        void rt.controller.ensure();
        return rt.tree.getChildren(node as Parameters<typeof rt.tree.getChildren>[0]);
      },
      getTreeItem: (node: unknown) => loaded!.tree.getTreeItem(node as Parameters<Runtime.HealthRuntime['tree']['getTreeItem']>[0]),
    },
  });

  const commands = registerCommands({
    'multiplier.health.open': (args?: { figure?: string }) => {
      const startedAt = performance.now();
      return runtime().then((rt) => rt.commands.open(args, startedAt));
    },
    'multiplier.health.export': (args?: { folder?: string }) => runtime().then((rt) => rt.commands.exportReport(args)),
    'multiplier.health.refresh': () => runtime().then((rt) => rt.commands.refresh()),
    'multiplier.health.setPeriod': (weeks?: number) => runtime().then((rt) => rt.commands.setPeriod(weeks)),
    'multiplier.health.selectRepository': (root?: string) => runtime().then((rt) => rt.commands.selectRepository(root)),
    'multiplier.health.openPullRequest': (number?: number) => runtime().then((rt) => rt.commands.openPullRequest(number)),
  });

  return {
    runtime,
    dispose: () => {
      commands.dispose();
      view.dispose();
      changed.dispose();
      loaded?.dispose();
    },
  };
}
