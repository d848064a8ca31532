/**
 * Team Health's commands and what the dashboard's links do: open the dashboard (at a figure), change
 * the period or repository, export the report, and open what a figure is about (a pull request, a
 * commit, a folder). Links from the page arrive as validated messages; what they name is looked up
 * in the report the page was sent, never taken on trust.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { displayText } from '../core/text';
import type { GitHubApi } from '../github/api';
import type { OpenInEditorOutcome, PullRequestRef } from '../review/api';
import type { HealthController } from './controller';
import type { FigureId } from './model/definitions';
import { exportFolderName, healthCsvFiles, healthMarkdown, isInside } from './view/export';
import type { HealthPanel } from './view/panel';
import { webBaseOf } from './source/github';
import { pullRequestLink } from './policy/pullRequestLink';
import { formatHours } from './webview/format';
import { isFigureId, PERIOD_CHOICES, type FromDashboard, type PeriodChoice } from './view/protocol';

/** Opens a pull request in the review queue's PR overview, or says why it could not (then the browser does). */
export type OpenPullRequestInEditor = (pr: PullRequestRef) => Thenable<OpenInEditorOutcome>;

/** Why a pull request went to the browser (or its commit) instead of the overview. */
export type NotInEditor = Exclude<OpenInEditorOutcome, 'opened'> | 'not-on-github';

/** Where a click on a pull request went, newest last (for the test API). */
export interface PullRequestOpening {
  number: number;
  where: 'editor' | 'browser' | 'commit';
  url?: string;
  why?: NotInEditor;
}

export interface HealthCommandDeps {
  controller: HealthController;
  panel: HealthPanel;
  github: GitHubApi;
  clock: Clock;
  openPullRequestInEditor: OpenPullRequestInEditor;
  log: { warn(message: string): void };
}

export interface HealthCommands {
  open(args?: { figure?: string }, startedAt?: number): Promise<void>;
  exportReport(args?: { folder?: string }): Promise<string | undefined>;
  refresh(): Promise<void>;
  setPeriod(weeks?: number): Promise<void>;
  selectRepository(root?: string): Promise<void>;
  /** A merged pull request of the report (asked for when no number is given): the overview, else the browser. */
  openPullRequest(number?: number): Promise<void>;
  handle(message: FromDashboard): Promise<void>;
  /** Where the last clicks on pull requests went. */
  readonly openings: readonly PullRequestOpening[];
}

export function healthCommands(deps: HealthCommandDeps): HealthCommands {
  const { controller, panel } = deps;

  const open = async (args?: { figure?: string }, startedAt?: number) => {
    const figure: FigureId | undefined = isFigureId(args?.figure) ? args.figure : undefined;
    panel.show({ figure, startedAt });
    await controller.ensure();
  };

  const setPeriod = async (weeks?: number) => {
    let chosen = PERIOD_CHOICES.find((w) => w === weeks);
    if (chosen === undefined) {
      const pick = await vscode.window.showQuickPick(
        PERIOD_CHOICES.map((w) => ({
          label: vscode.l10n.t('{0} weeks', w),
          description: w === controller.weeks ? vscode.l10n.t('current') : undefined,
          weeks: w,
        })),
        { title: vscode.l10n.t('Team Health period'), placeHolder: vscode.l10n.t('Figures cover whole calendar weeks up to today') },
      );
      chosen = pick?.weeks;
    }
    if (chosen !== undefined) await controller.setWeeks(chosen as PeriodChoice);
  };

  const selectRepository = async (root?: string) => {
    const repositories = controller.repositories();
    let chosen = repositories.find((r) => r.root === root)?.root;
    if (!chosen && root === undefined && repositories.length > 1) {
      const pick = await vscode.window.showQuickPick(
        repositories.map((r) => ({ label: r.label, description: r.root, root: r.root })),
        { title: vscode.l10n.t('Team Health for which repository?') },
      );
      chosen = pick?.root;
    }
    if (chosen) await controller.select(chosen);
  };

  const exportReport = async (args?: { folder?: string }): Promise<string | undefined> => {
    await controller.ensure();
    const view = controller.view();
    if (!view.report || !view.root) {
      void vscode.window.showWarningMessage(vscode.l10n.t('There is no Team Health report to export yet.'));
      return undefined;
    }
    const { report } = view;
    let parent = args?.folder;
    if (!parent) {
      // Outside the repository by default: a report in the work tree is one `git add .` from being committed.
      const picked = await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: false,
        defaultUri: vscode.Uri.file(os.homedir()),
        openLabel: vscode.l10n.t('Export Here'),
        title: vscode.l10n.t('Export Team Health Report: choose a folder'),
      });
      parent = picked?.[0]?.fsPath;
      if (!parent) return undefined;
      const inside = view.repositories.find((r) => isInside(parent!, r.root));
      if (inside) {
        const anyway = vscode.l10n.t('Export Anyway');
        const choice = await vscode.window.showWarningMessage(
          vscode.l10n.t('This folder is inside the repository {0}. A report there could be committed by accident.', inside.label),
          { modal: true },
          anyway,
        );
        if (choice !== anyway) return undefined;
      }
    }
    const base = exportFolderName(view.label ?? 'repository', deps.clock.now(), report.period.timeZone);
    const dir = await freshFolder(parent, base);
    await fs.writeFile(path.join(dir, 'team-health.md'), healthMarkdown(report, view.label ?? view.root), 'utf8');
    for (const file of healthCsvFiles(report)) await fs.writeFile(path.join(dir, file.name), file.content, 'utf8');
    if (!args?.folder) {
      const openIt = vscode.l10n.t('Open Report');
      void vscode.window.showInformationMessage(vscode.l10n.t('Team Health report saved in {0}.', dir), openIt).then(async (choice) => {
        if (choice === openIt) await vscode.window.showTextDocument(vscode.Uri.file(path.join(dir, 'team-health.md')));
      });
    }
    return dir;
  };

  const openings: PullRequestOpening[] = [];
  const note = (opening: PullRequestOpening) => {
    openings.push(opening);
    if (openings.length > 20) openings.shift();
  };

  /** The overview, or why not; an error there still leaves the browser (the click is never lost). */
  const inEditor = async (ref: PullRequestRef): Promise<OpenInEditorOutcome> => {
    try {
      return await deps.openPullRequestInEditor(ref);
    } catch (error) {
      deps.log.warn(
        `health: the PR overview failed (${error instanceof Error ? error.message : String(error)}); opening the browser instead`,
      );
      return 'failed';
    }
  };

  const openPullRequest = async (number: number) => {
    const view = controller.view();
    const pr = view.report?.flow.pullRequests.find((p) => p.number === number);
    if (!pr || !view.root) return;
    const link = pullRequestLink(pr, controller.githubRepoOf(view.root), webBaseOf(deps.github.config().apiUrl));
    const outcome = link.repo ? await inEditor({ repo: link.repo, number }) : 'not-on-github';
    if (outcome === 'opened') return note({ number, where: 'editor' });
    if (link.browserUrl) {
      note({ number, where: 'browser', url: link.browserUrl, why: outcome });
      // Said first: the editor may ask before it opens an outside page, and that waits on the user.
      explainBrowser(number, outcome);
      await vscode.env.openExternal(vscode.Uri.parse(link.browserUrl, true));
      return;
    }
    // No web page to go to (no GitHub remote): the commit that merged it says what it changed.
    note({ number, where: 'commit', why: outcome });
    await openCommit(view.root, pr.mergeCommit);
  };

  /** From the tree or the command palette: the number given, or one picked from the slowest. */
  const pickPullRequest = async (number?: number) => {
    if (number !== undefined) return Number.isSafeInteger(number) ? openPullRequest(number) : undefined;
    await controller.ensure();
    const report = controller.view().report;
    const pulls = [...(report?.flow.pullRequests ?? [])].sort((a, b) => b.cycle - a.cycle);
    if (pulls.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No pull request was merged in this Team Health period.'));
      return;
    }
    const pick = await vscode.window.showQuickPick(
      pulls.map((p) => ({
        label: displayText(`#${p.number} ${p.title}`, { maxLength: 200 }),
        description: vscode.l10n.t('cycle {0}', formatHours(p.cycle, report?.businessHours)),
        number: p.number,
      })),
      { title: vscode.l10n.t('Open which merged pull request?'), placeHolder: vscode.l10n.t('Slowest first') },
    );
    if (pick) await openPullRequest(pick.number);
  };

  const openCommit = async (root: string, hash: string) => {
    try {
      // The built-in git extension's "Open Commit": the commit's changes in the multi-diff editor.
      await vscode.commands.executeCommand('git.viewCommit', vscode.Uri.file(root), hash);
    } catch (error) {
      deps.log.warn(`health: git.viewCommit failed (${String(error)}); opening the commit on GitHub instead`);
      const repo = controller.githubRepoOf(root);
      if (repo) await vscode.env.openExternal(vscode.Uri.parse(`${webBaseOf(deps.github.config().apiUrl)}/${repo}/commit/${hash}`, true));
    }
  };

  const handle = async (message: FromDashboard) => {
    const view = controller.view();
    switch (message.type) {
      case 'health/setPeriod':
        return controller.setWeeks(message.weeks);
      case 'health/selectRepository':
        return controller.select(message.root);
      case 'health/openPullRequest':
        return openPullRequest(message.number);
      case 'health/openCommit': {
        // Only commits the report names: a page cannot make us open anything else.
        const known =
          view.report?.dora.failures.some((f) => f.fixCommit === message.hash) ||
          view.report?.dora.releases.some((r) => r.commit === message.hash);
        if (view.root && known) await openCommit(view.root, message.hash);
        return;
      }
      case 'health/revealFolder': {
        if (!view.root) return;
        const target =
          message.path === '' ? vscode.Uri.file(view.root) : vscode.Uri.joinPath(vscode.Uri.file(view.root), ...message.path.split('/'));
        await vscode.commands.executeCommand('revealInExplorer', target);
        return;
      }
      case 'health/export':
        await exportReport();
        return;
      case 'health/signIn':
        await vscode.commands.executeCommand('multiplier.github.signIn');
        return;
      default:
        return;
    }
  };

  return {
    open,
    exportReport,
    refresh: () => controller.refresh(),
    setPeriod,
    selectRepository,
    openPullRequest: pickPullRequest,
    handle,
    openings,
  };
}

/** Why the click went to the browser, said once, beside it: the click is never lost, and the way back is offered. */
function explainBrowser(number: number, why: NotInEditor): void {
  const reason: Record<NotInEditor, string> = {
    'signed-out': vscode.l10n.t('Opened #{0} in the browser: sign in to GitHub to see pull requests in the editor.', number),
    offline: vscode.l10n.t('Opened #{0} in the browser: GitHub could not be reached to show it in the editor.', number),
    'rate-limited': vscode.l10n.t(
      "Opened #{0} in the browser: GitHub's rate limit is used up for now, so it cannot be shown in the editor.",
      number,
    ),
    'not-found': vscode.l10n.t('Opened #{0} in the browser: GitHub does not show it to the account you are signed in with.', number),
    failed: vscode.l10n.t('Opened #{0} in the browser: GitHub answered with an error, so it cannot be shown in the editor.', number),
    'not-on-github': vscode.l10n.t(
      'Opened #{0} in the browser: its repository is not on the GitHub that multiplier.github.apiUrl names, so the editor cannot ask for it.',
      number,
    ),
  };
  if (why !== 'signed-out') {
    void vscode.window.showInformationMessage(reason[why]);
    return;
  }
  const signIn = vscode.l10n.t('Sign In to GitHub');
  void vscode.window.showInformationMessage(reason[why], signIn).then(async (choice) => {
    if (choice === signIn) await vscode.commands.executeCommand('multiplier.github.signIn');
  });
}

/** A new folder `base` (or `base-2`, `base-3`, …) under `parent`. */
async function freshFolder(parent: string, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const dir = path.join(parent, n === 1 ? base : `${base}-${n}`);
    try {
      await fs.mkdir(dir, { recursive: false });
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 99) throw error;
    }
  }
}
