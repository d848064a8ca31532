import type * as vscode from 'vscode';
import type { GitEngineApi } from '../git/api';
import type { NudgeService } from '../nudge/api';
import type { ReviewApi } from '../review/api';
import type { NotesApi } from '../notes/api';
import type { Logger } from './vscode/logger';

/**
 * What every capability receives from activate(). Capabilities talk to each other only through
 * the small interfaces added here, never by importing each other's internals.
 */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: Logger;
  /** The one nudge scheduler: ask it before telling the user anything (src/nudge/api.ts). */
  readonly nudges: NudgeService;
  /** Repository state snapshots and parsed history (src/git/api.ts). Runs no git until asked. */
  readonly git: GitEngineApi;
  /** Growth notes (src/notes/api.ts): create coach answers and other notes. Opens its store lazily. */
  readonly notes: NotesApi;
  /** The review queue's last poll (src/review/api.ts), e.g. the pull request of this branch. */
  readonly review: ReviewApi;
}

/** The services that exist before the review queue is built (it is one of them once built). */
export type CoreServices = Omit<Services, 'review'>;
