import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { createCoach, registerCoach } from './coach/register';
import { SystemClock } from './core/clock';
import { TestClock } from './core/testClock';
import { DisposableStore } from './core/lifecycle';
import { Logger } from './core/vscode/logger';
import { createGitController } from './git/register';
import { createGitHubController, registerGitHub } from './github/register';
import { registerHealth } from './health/register';
import { createNotes, registerNotes } from './notes/register';
import { createNudgeController, registerNudges } from './nudge/register';
import { registerOnboarding } from './onboarding/register';
import { createReview, registerReview } from './review/register';
import { createTestApi, type MultiplierTestApi } from './testApi';
import { createWords, registerWords } from './words/register';

/**
 * The table of contents: build each capability's controller from the layers below it, then
 * register its commands and views. Nothing here does work: no git, no network, no disk read;
 * views load their data when first shown.
 */
export function activate(context: vscode.ExtensionContext): MultiplierTestApi | undefined {
  const started = performance.now();
  // The pure layer's strings (and every bundle loaded later) read the editor's translations from here.
  l10n.config({ contents: vscode.l10n.bundle });
  const store = new DisposableStore();
  context.subscriptions.push(store);
  const log = store.add(new Logger());
  const clock = MULTIPLIER_TEST_SEAMS ? new TestClock() : new SystemClock();

  // Sources: nothing runs until a capability asks.
  const git = store.add(createGitController(context, log, clock));
  const github = store.add(createGitHubController(context, log, clock));
  // The one nudge scheduler: every capability below asks it before speaking.
  const nudges = store.add(createNudgeController(context, log, clock));
  // Capabilities.
  const notes = store.add(createNotes({ context, log, clock }));
  const words = store.add(createWords({ context, log, clock, git, nudges, notes }));
  // The PR overview's "Check description" calls the words controller (its engine loads on the first click).
  const review = store.add(createReview({ context, log, clock, nudges, git, github, words: words.controller }));
  const coach = store.add(createCoach({ context, log, clock, nudges, git, notes }));

  const onboarding = store.add(registerOnboarding(context, log, clock));
  store.add(registerNudges(nudges, clock));
  store.add(registerGitHub(github));
  store.add(registerReview(review, { context, log, clock, nudges, git, github, words: words.controller }));
  store.add(registerNotes(notes, { context, log, clock, git, review: review.controller, nudges }));
  store.add(registerCoach(coach));
  store.add(registerWords(words, { context, log, clock, git, nudges, notes }));
  // Team Health loads its own bundle the first time it is looked at.
  // Its pull requests open in the queue's PR overview (or, when that cannot show them, the browser).
  const health = store.add(
    registerHealth({ context, log, clock, git, github, nudges, openPullRequestInEditor: (ref) => review.pages.openPullRequest(ref) }),
  );

  log.info(`activated in ${(performance.now() - started).toFixed(1)} ms`);
  // Only a harness build has a seam, and it opens only for a host a test runner started.
  if (
    MULTIPLIER_TEST_SEAMS &&
    clock instanceof TestClock &&
    (process.env.MULTIPLIER_TEST_CONTROL_DIR || context.extensionMode === vscode.ExtensionMode.Test)
  ) {
    return createTestApi({
      clock,
      context,
      globalStoragePath: context.globalStorageUri.fsPath,
      git,
      github,
      nudges,
      review,
      notes,
      coach,
      onboarding,
      words,
      health,
    });
  }
  return undefined;
}

export function deactivate(): void {
  // Everything registered lives in context.subscriptions and is disposed by VS Code.
}
