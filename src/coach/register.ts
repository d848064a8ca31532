/**
 * The Coach in the editor: editor and git signals in, "ask, don't tell" questions out through the
 * nudge scheduler and the Coach view. Nothing runs until the first editor activity or the first
 * look at the view.
 */
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { followHistoryRefusals } from '../core/vscode/historyRefused';
import { globalStateOf } from '../core/vscode/globalState';
import type { Logger } from '../core/vscode/logger';
import type { GitApi } from '../git/api';
import type { NotesApi } from '../notes/api';
import type { NudgeApi } from '../nudge/api';
import { runCoachAction } from './actions';
import { CoachController } from './controller';
import { EvaluationLoop } from './evaluationLoop';
import { EMPTY_ROTATION, loadRotation, type RotationState } from './model/prompts/rotation';
import { type EditorSignalSink, watchEditorSignals, watchGitSnapshots } from './source/editorSignals';
import { CoachOwnership } from './source/ownership';
import { watchTerminalSignals } from './source/terminalSignals';
import { PromptSources } from './source/promptSources';
import { notificationsEnabled, readThresholds } from './source/settings';
import { COACH_VIEW_ID, CoachViewProvider } from './view/coachView';

const ROTATION_KEY = 'multiplier.coach.rotation';

export interface CoachDeps {
  context: vscode.ExtensionContext;
  log: Logger;
  clock: Clock;
  nudges: NudgeApi;
  git: GitApi;
  notes: NotesApi;
}

/** The Coach's parts, built without starting anything. */
export interface Coach extends vscode.Disposable {
  readonly controller: CoachController;
  readonly loop: EvaluationLoop;
  readonly view: CoachViewProvider;
}

export function createCoach(deps: CoachDeps): Coach {
  const { context, log, clock, nudges, git } = deps;
  const prompts = new PromptSources(log, () => loop.poke());
  const ownership = new CoachOwnership(git, clock);
  const controller = new CoachController({
    now: () => clock.now(),
    thresholds: readThresholds,
    library: () => prompts.prompts(),
    problems: () => prompts.problemLines(),
    wantsToast: notificationsEnabled,
    decide: (req) => nudges.decide(req),
    toast: (req) => {
      const open = vscode.l10n.t('Open Coach');
      void nudges.notify(req, open).then((outcome) => {
        if (outcome.action === open) void vscode.commands.executeCommand(`${COACH_VIEW_ID}.focus`);
      });
    },
    quietReason: () => nudges.quietReason(),
    mutedKinds: () => nudges.mutedKinds(),
    loadRotation: () => loadRotation(globalStateOf(context, clock, log).get<unknown>(ROTATION_KEY) ?? EMPTY_ROTATION),
    saveRotation: (state: RotationState) => void globalStateOf(context, clock, log).update(ROTATION_KEY, state),
    peopleFor: (signal) =>
      ownership.peopleFor(signal).catch((error: unknown) => {
        log.warn(`Coach: who knows ${signal.files.join(', ') || 'this repository'}: ${String(error)}`);
        throw error;
      }),
  });
  const sink: EditorSignalSink = {
    record: (event) => controller.record(event),
    setBranch: (state) => controller.setBranch(state),
    edited: (file, uri) => {
      ownership.remember(file, uri);
      ownership
        .singleAuthor(file, uri, readThresholds())
        .then((found) => {
          if (!found) return;
          controller.setExternal('single-author', found.signal, found.role);
          if (found.signal) loop.poke();
        })
        .catch((error: unknown) => log.warn(`Coach ownership look-up failed: ${String(error)}`));
    },
    poke: () => loop.poke(),
  };
  const loop: EvaluationLoop = new EvaluationLoop({
    clock,
    log,
    evaluate: async () => {
      await prompts.ensureLoaded();
      return controller.evaluate();
    },
    onStart: () => {
      // The git source itself runs no git when the workspace is untrusted.
      const snapshots = watchGitSnapshots(sink, git, clock);
      // Focus and quiet hours change what may show; listening arms the nudge clock, so only now.
      const nudgeChanges = nudges.onDidChange(() => loop.refresh());
      return { dispose: () => (snapshots.dispose(), nudgeChanges.dispose()) };
    },
  });
  const view = new CoachViewProvider(
    context.extensionUri,
    (message) =>
      void runCoachAction(message, { coach: controller, nudges, notes: deps.notes, clock }).then(async (again) => {
        if (again) await loop.evaluate();
      }),
    () => loop.poke(),
  );
  const subscriptions = [
    prompts,
    view,
    // A repository git refuses (another user owns it): say why there are no people to suggest, and the fix.
    followHistoryRefusals(git, vscode.l10n.t('the coach cannot suggest who knows this code'), (notices) => view.setNotices(notices)),
    controller.onDidChange((model) => view.update(model)),
    watchEditorSignals(sink, clock),
    watchTerminalSignals(
      {
        record: (event) => controller.record(event),
        setUnseenTerminals: (count) => {
          controller.setUnseenTerminals(count);
          loop.refresh();
        },
        poke: () => loop.poke(),
      },
      clock,
    ),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('multiplier.coach')) loop.refresh();
    }),
  ];
  return {
    controller,
    loop,
    view,
    dispose: () => {
      loop.dispose();
      for (const s of subscriptions.reverse()) s.dispose();
    },
  };
}

export function registerCoach(coach: Coach): vscode.Disposable {
  return vscode.window.registerWebviewViewProvider(COACH_VIEW_ID, coach.view);
}
