/**
 * What the buttons of a coach prompt do: answer it in a growth note, snooze, dismiss, mute the
 * kind, or copy a question for someone who knows the code.
 */
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import type { NotesApi } from '../notes/api';
import type { NudgeApi } from '../nudge/api';
import type { CoachController } from './controller';
import { draftQuestion } from './model/questionDraft';
import { MINUTE } from './model/signals/types';
import type { WebviewMessage } from './view/protocol';

const SNOOZE_MS = 60 * MINUTE;

export interface CoachActionDeps {
  coach: CoachController;
  nudges: NudgeApi;
  notes: NotesApi;
  clock: Clock;
}

/** Carries out one message from the Coach view; returns whether the prompts should be evaluated again. */
export async function runCoachAction(message: WebviewMessage, deps: CoachActionDeps): Promise<boolean> {
  if (message.type === 'ready') return false;
  const { coach, nudges, notes, clock } = deps;
  const prompt = coach.find(message.key);
  if (!prompt) return false;
  switch (message.type) {
    case 'snooze':
      nudges.snooze({ id: prompt.key }, clock.now() + SNOOZE_MS);
      return true;
    case 'dismiss':
      coach.dismiss(prompt.key);
      return true;
    case 'never':
      nudges.never(prompt.nudgeKind);
      return true;
    case 'answerInNote':
      await notes.captureCoachAnswer({
        prompt: prompt.question,
        signal: prompt.why,
        answer: message.answer || undefined,
        links: prompt.files.map((f) => ({ type: 'file' as const, path: f })),
        tags: ['coach'],
      });
      coach.dismiss(prompt.key);
      return true;
    case 'copyQuestion': {
      const person = prompt.people.find((p) => p.email === message.email);
      if (!person) return false;
      const question = draftQuestion({ personName: person.name, signalSummary: prompt.why, files: prompt.files, tried: message.answer });
      await vscode.env.clipboard.writeText(question);
      void vscode.window.showInformationMessage(`Question for ${person.name} copied.`);
      return false;
    }
  }
}
