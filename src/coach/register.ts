import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../core/services';
import { snapshotContaining } from '../git/model/snapshot';
import { Coach } from './controller';
import { CHECK_COMMENT_COMMAND, checkCommentCommand, rewriteSelectionForTest } from '../words/checkComment';
import { registerDraftDiagnostics } from '../words/view/draftDiagnostics';
import { type EditorSignalSink, watchEditorSignals, watchGitSnapshots } from './source/editorSignals';
import { PromptSources } from './source/promptSources';
import { EMPTY_ROTATION, loadRotation, type RotationState } from './model/prompts/rotation';
import { draftQuestion } from './model/questionDraft';
import { notificationsEnabled, readThresholds } from './source/settings';
import { detectSingleAuthor, isOwnKnowledge } from './model/signals/singleAuthor';
import { MINUTE, type Signal } from './model/signals/types';
import { COACH_VIEW_ID, CoachViewProvider } from './view/coachView';
import { isWebviewMessage, type WebviewMessage } from './view/protocol';
import { suggestPeople } from './model/whoToAsk';

const ROTATION_KEY = 'multiplier.coach.rotation';
const EVALUATE_DEBOUNCE_MS = 400;
/** Time-based signals (error churn, wall clock) need a periodic look once anything happened. */
const TICK_MS = 30_000;
const SNOOZE_MS = 60 * MINUTE;
const OWNERSHIP_RECHECK_MS = 10 * MINUTE;

/** The Coach: editor signals in, questions out through the nudge scheduler and the Coach view. */
export function registerCoach(services: Services): vscode.Disposable {
  const { context, log, nudges, git } = services;
  const disposables: vscode.Disposable[] = [];
  const uris = new Map<string, vscode.Uri>(); // workspace-relative path → uri, for ownership look-ups
  const ownershipCheckedAt = new Map<string, number>();
  let started = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let tick: ReturnType<typeof setInterval> | undefined;
  let gitWatch: { dispose(): void } | undefined;

  const prompts = new PromptSources(log, () => poke());
  disposables.push(prompts);

  const snapshotFor = (uri: vscode.Uri) => snapshotContaining(git.snapshots, uri.fsPath);
  const repoRelative = (repoRoot: string, uri: vscode.Uri): string => path.relative(repoRoot, uri.fsPath).split(path.sep).join('/');

  const peopleFor = async (signal: Signal) => {
    if (git.status !== 'ready') return [];
    const fileUris = signal.files.map((f) => uris.get(f)).filter((u): u is vscode.Uri => u !== undefined);
    const snapshot = fileUris.length > 0 ? snapshotFor(fileUris[0]) : git.snapshots[0];
    if (!snapshot) return [];
    const paths = fileUris.length > 0 ? fileUris.map((u) => repoRelative(snapshot.repoRoot, u)) : [''];
    const [owners, me] = await Promise.all([git.ownersOf(snapshot.repoRoot, paths), git.currentUserEmail(snapshot.repoRoot)]);
    return suggestPeople(owners, me, signal.files, Date.now());
  };

  const coach = new Coach({
    now: Date.now,
    thresholds: readThresholds,
    library: () => prompts.prompts(),
    problems: () => prompts.problemLines(),
    wantsToast: notificationsEnabled,
    decide: (req) => nudges.decide(req),
    toast: (req) => {
      void nudges.notify(req, 'Open Coach').then((outcome) => {
        if (outcome.action === 'Open Coach') void vscode.commands.executeCommand(`${COACH_VIEW_ID}.focus`);
      });
    },
    quietReason: () => nudges.quietReason(),
    loadRotation: () => loadRotation(context.globalState.get<unknown>(ROTATION_KEY, EMPTY_ROTATION)),
    saveRotation: (state: RotationState) => void context.globalState.update(ROTATION_KEY, state),
    peopleFor,
  });

  const evaluate = async () => {
    await prompts.ensureLoaded();
    return coach.evaluate();
  };
  const start = (): void => {
    if (started) return;
    // Lazy start: git snapshots and the periodic look begin with the first editor activity or the
    // first look at the view, never at activation.
    started = true;
    tick = setInterval(() => void evaluate(), TICK_MS);
    gitWatch = watchGitSnapshots(sink, git); // the engine itself runs no git when untrusted
  };
  const poke = (): void => {
    start();
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = undefined;
      evaluate().catch((error: unknown) => log.error('Coach evaluation failed', error));
    }, EVALUATE_DEBOUNCE_MS);
  };

  const checkOwnership = async (file: string, uri: vscode.Uri): Promise<void> => {
    const now = Date.now();
    if (git.status !== 'ready' || now - (ownershipCheckedAt.get(file) ?? 0) < OWNERSHIP_RECHECK_MS) return;
    ownershipCheckedAt.set(file, now);
    const snapshot = snapshotFor(uri);
    if (!snapshot) return;
    const [owners, me] = await Promise.all([
      git.ownersOf(snapshot.repoRoot, [repoRelative(snapshot.repoRoot, uri)]),
      git.currentUserEmail(snapshot.repoRoot),
    ]);
    const signal = detectSingleAuthor(file, owners, me, now, readThresholds());
    coach.setExternal('single-author', signal, isOwnKnowledge(owners, me) ? 'mentor' : 'stuck');
    if (signal) poke();
  };

  /** Settings or nudge state changed: only matters once the coach is running. */
  const refresh = (): void => {
    if (started) poke();
  };

  const sink: EditorSignalSink = {
    record: (event) => coach.record(event),
    setBranch: (state) => coach.setBranch(state),
    edited: (file, uri) => {
      uris.set(file, uri);
      checkOwnership(file, uri).catch((error: unknown) => log.warn(`Coach ownership look-up failed: ${String(error)}`));
    },
    poke,
  };

  const view = new CoachViewProvider(
    context.extensionUri,
    (message) => void handle(message),
    () => poke(),
  );
  disposables.push(view);
  disposables.push(new vscode.Disposable(coach.onDidChange((model) => view.update(model)).dispose));

  async function handle(message: WebviewMessage): Promise<void> {
    if (message.type === 'ready') return;
    const prompt = coach.find(message.key);
    if (!prompt) return;
    switch (message.type) {
      case 'snooze':
        nudges.snooze({ id: prompt.key }, Date.now() + SNOOZE_MS);
        break;
      case 'dismiss':
        coach.dismiss(prompt.key);
        break;
      case 'never':
        nudges.never(prompt.nudgeKind);
        break;
      case 'answerInNote': {
        await services.notes.captureCoachAnswer({
          prompt: prompt.question,
          signal: prompt.why,
          answer: message.answer || undefined,
          links: prompt.files.map((f) => ({ type: 'file' as const, path: f })),
          tags: ['coach'],
        });
        coach.dismiss(prompt.key);
        break;
      }
      case 'copyQuestion': {
        const person = prompt.people.find((p) => p.email === message.email);
        if (!person) return;
        await vscode.env.clipboard.writeText(
          draftQuestion({ personName: person.name, signalSummary: prompt.why, files: prompt.files, tried: message.answer }),
        );
        void vscode.window.showInformationMessage(`Question for ${person.name} copied.`);
        return;
      }
    }
    await evaluate();
  }

  disposables.push(
    vscode.window.registerWebviewViewProvider(COACH_VIEW_ID, view),
    watchEditorSignals(sink),
    new vscode.Disposable(nudges.onDidChange(() => refresh()).dispose),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('multiplier.coach')) refresh();
    }),
    vscode.commands.registerCommand(CHECK_COMMENT_COMMAND, (arg?: unknown) => checkCommentCommand(arg)),
    registerDraftDiagnostics(),
    // Internal, for integration tests: assert on the model and HTML instead of scraping the webview.
    vscode.commands.registerCommand('multiplier.internal.coachState', () => {
      start();
      return evaluate();
    }),
    vscode.commands.registerCommand('multiplier.internal.coachHtml', () => ({ resolved: view.isResolved(), html: view.html() })),
    vscode.commands.registerCommand('multiplier.internal.coachMessage', async (message: unknown) => {
      if (isWebviewMessage(message)) await handle(message);
      return coach.current();
    }),
    vscode.commands.registerCommand('multiplier.internal.coachRewriteSelection', (title: string) => rewriteSelectionForTest(title)),
    new vscode.Disposable(() => {
      if (debounce) clearTimeout(debounce);
      if (tick) clearInterval(tick);
      gitWatch?.dispose();
    }),
  );
  return vscode.Disposable.from(...disposables);
}
