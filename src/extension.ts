import * as vscode from 'vscode';
import { registerCoach } from './coach/register';
import { DisposableStore } from './core/lifecycle';
import { Logger } from './core/vscode/logger';
import type { Services } from './core/services';
import { registerFocus } from './nudge/focusCommands';
import { createGitEngine, registerGit } from './git/register';
import { createNudgeService, registerNudges } from './nudge/register';
import { createNotesService, registerNotes } from './notes/register';
import { registerOnboarding } from './onboarding/register';
import { createReviewQueue, registerReviewQueue } from './review/register';

/**
 * The table of contents. Each capability registers its own commands and views; nothing here does
 * work: views load their data when first shown.
 */
export function activate(context: vscode.ExtensionContext): void {
  const started = Date.now();
  const store = new DisposableStore();
  context.subscriptions.push(store);

  const log = store.add(new Logger());
  // Built first and synchronously (one memento read): every capability below may nudge.
  const nudges = store.add(createNudgeService(context, log));
  // Creating the git engine starts nothing: no git process until someone asks.
  const git = store.add(createGitEngine(context, log));
  // Creating the notes service reads nothing: the store opens when the view or a command needs it.
  const notes = store.add(createNotesService(context, log));
  // Creating the review queue polls nothing: it starts when its view is shown or start-up settles.
  const review = store.add(createReviewQueue({ context, log, nudges, git, notes }));
  const services: Services = { context, log, nudges, git, notes, review };

  store.add(registerOnboarding(services));
  store.add(registerNudges(nudges));
  store.add(registerFocus(nudges));
  store.add(registerGit(services));
  store.add(registerNotes(services, notes));
  store.add(registerReviewQueue(services, review));
  store.add(registerCoach(services));

  log.info(`activated in ${Date.now() - started} ms`);
}

export function deactivate(): void {
  // Everything registered lives in context.subscriptions and is disposed by VS Code.
}
