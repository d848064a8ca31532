/**
 * The one test seam: what `activate()` returns in a harness build when the harness started the
 * extension host. Suites read plain state and set the clock through it, and drive everything else
 * through the real commands a user runs. Nothing here is in a production build (see
 * src/buildFlags.d.ts), and nothing here registers a command.
 */
import type * as vscode from 'vscode';
import type { Clock } from './core/clock';
import type { TestClock } from './core/testClock';
import type { Coach } from './coach/register';
import { coachTestApi } from './coach/testing';
import type { GitApi } from './git/api';
import { gitTestApi } from './git/testing';
import type { GitHubController } from './github/controller';
import { githubTestApi } from './github/testing';
import type { Health } from './health/register';
import { healthTestApi } from './health/testing';
import type { NotesController } from './notes/controller';
import { notesTestApi } from './notes/testing';
import type { NudgeController } from './nudge/controller';
import { nudgeTestApi } from './nudge/testing';
import type { Onboarding } from './onboarding/register';
import { onboardingTestApi } from './onboarding/testing';
import type { Review } from './review/register';
import { reviewTestApi } from './review/testing';
import type { Words } from './words/register';
import { wordsTestApi } from './words/testing';

export interface TestApiParts {
  clock: TestClock;
  context: vscode.ExtensionContext;
  globalStoragePath: string;
  git: GitApi;
  github: GitHubController;
  nudges: NudgeController;
  review: Review;
  notes: NotesController;
  coach: Coach;
  onboarding: Onboarding;
  health: Health;
  words: Words;
}

export function createTestApi(parts: TestApiParts) {
  const clock: Clock = parts.clock;
  return {
    clock: {
      now: () => clock.now(),
      /** Puts the whole extension at `instant` (epoch ms); time runs on from there. */
      setNow: (instant: number) => parts.clock.setNow(instant),
      reset: () => parts.clock.reset(),
    },
    git: gitTestApi(parts.git),
    github: githubTestApi(parts.github),
    nudges: nudgeTestApi(parts.nudges),
    review: reviewTestApi(parts.review, parts.nudges, parts.globalStoragePath),
    notes: notesTestApi(parts.notes),
    coach: coachTestApi(parts.coach, { nudges: parts.nudges, notes: parts.notes, clock }),
    onboarding: onboardingTestApi(parts.onboarding, parts.context, clock),
    health: healthTestApi(parts.health),
    words: wordsTestApi(parts.words),
  };
}

export type MultiplierTestApi = ReturnType<typeof createTestApi>;
