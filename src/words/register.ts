/**
 * Words that weigh in the editor: "Check Review Comment" on a selection or comment draft, findings
 * on drafts and retro notes as you type, the why hint on commit messages, and retro offers after
 * a revert, a hotfix or a failed release.
 */
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/vscode/logger';
import { registerCommands } from '../core/vscode/commands';
import type { GitApi } from '../git/api';
import type { NotesApi } from '../notes/api';
import type { NudgeApi } from '../nudge/api';
import { CHECK_COMMENT_COMMAND, checkCommentCommand, SelectionFindings } from './checkComment';
import { WordsController } from './controller';
import { RetroWatcher } from './retros';
import { conventionalCommentsSetting, hotfixPattern, retrosEnabled } from './source/settings';
import { TeamConfigSource } from './source/teamConfig';
import { CommitHint, TURN_OFF_WHY_HINTS_COMMAND, turnOffWhyHints } from './view/commitHint';
import { DraftDiagnostics } from './view/draftDiagnostics';

const START_RETRO_COMMAND = 'multiplier.words.startRetro';

export interface WordsDeps {
  context: vscode.ExtensionContext;
  log: Logger;
  clock: Clock;
  git: GitApi;
  nudges: NudgeApi;
  notes: NotesApi;
}

/** The words capability's parts, built without starting anything. */
export interface Words extends vscode.Disposable {
  readonly controller: WordsController;
  readonly teamConfig: TeamConfigSource;
  readonly retros: RetroWatcher;
  readonly commitHint: CommitHint;
}

export function createWords(deps: WordsDeps): Words {
  const teamConfig = new TeamConfigSource((message, error) => deps.log.error(`words: ${message}`, error));
  const controller = new WordsController({ userConventionalComments: conventionalCommentsSetting, teamConfig: () => teamConfig.current });
  const retros = new RetroWatcher({
    git: deps.git,
    nudges: deps.nudges,
    notes: deps.notes,
    clock: deps.clock,
    state: deps.context.workspaceState,
    enabled: retrosEnabled,
    hotfixPattern,
    onError: (message, error) => deps.log.error(`words: ${message}`, error),
  });
  const commitHint = new CommitHint(deps.clock);
  return {
    controller,
    teamConfig,
    retros,
    commitHint,
    dispose: () => {
      retros.dispose();
      commitHint.dispose();
      teamConfig.dispose();
    },
  };
}

export function registerWords(words: Words, deps: WordsDeps): vscode.Disposable {
  const shown = new SelectionFindings();
  const drafts = new DraftDiagnostics({
    notes: deps.notes,
    clock: deps.clock,
    conventionalComments: () => words.controller.conventionalComments().mode,
  });
  // After start-up settles: the team file, and the git snapshots retros follow (git runs only when a HEAD moves).
  const later = deps.clock.after(3_000, () => {
    void words.teamConfig.start().then(() => drafts.updateAll());
    if (retrosEnabled()) words.retros.start();
  });
  return vscode.Disposable.from(
    shown,
    drafts,
    { dispose: () => later.dispose() },
    words.teamConfig.onDidChange(() => drafts.updateAll()),
    registerCommands({
      [CHECK_COMMENT_COMMAND]: async (arg?: unknown) => {
        await words.teamConfig.refresh();
        await checkCommentCommand(arg, { conventionalComments: words.controller.conventionalComments().mode }, shown);
      },
      [TURN_OFF_WHY_HINTS_COMMAND]: () => turnOffWhyHints(),
      [START_RETRO_COMMAND]: async () => {
        const pending = words.retros.pending();
        let id = pending[0]?.incident.id;
        if (pending.length > 1) {
          const picked = await vscode.window.showQuickPick(
            pending.map((p) => ({
              label: p.incident.title,
              description: new Date(p.incident.at).toISOString().slice(0, 16).replace('T', ' '),
              id: p.incident.id,
            })),
            { title: vscode.l10n.t('Start a blameless retro on…') },
          );
          if (!picked) return;
          id = picked.id;
        }
        await words.retros.startRetro(id);
      },
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('multiplier.words.retros.enabled') && retrosEnabled()) words.retros.start();
    }),
  );
}
