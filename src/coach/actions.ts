/**
 * What the buttons of a coach prompt do: answer it in a growth note, snooze, dismiss, mute the
 * kind, or copy a question for someone who knows the code. Every action says what it did in the
 * view, and snooze, dismiss and mute offer Undo there.
 */
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { describeInstant } from '../core/time/wallclock';
import type { NotesApi } from '../notes/api';
import type { NudgeApi } from '../nudge/api';
import type { CoachController } from './controller';
import { draftQuestion } from './model/questionDraft';
import { SIGNAL_TOPICS } from './model/signals/labels';
import { MINUTE, type SignalKind } from './model/signals/types';
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
  const { coach, nudges, notes, clock } = deps;
  if (message.type === 'ready') return false;
  if (message.type === 'undo') return coach.undo(message.id);
  if (message.type === 'unmute') {
    nudges.resetNever(message.kind);
    return true;
  }
  const prompt = coach.find(message.key);
  if (!prompt) return false;
  const topic = SIGNAL_TOPICS[prompt.signalKind as SignalKind] ?? prompt.signalLabel.toLowerCase();
  switch (message.type) {
    case 'snooze': {
      const now = clock.now();
      const until = now + SNOOZE_MS;
      nudges.snooze({ id: prompt.key }, until);
      coach.giveFeedback(
        vscode.l10n.t(
          'Snoozed until {0}. It comes back then if it still applies.',
          describeInstant(until, now, nudges.settings().timeZone),
        ),
        () => nudges.unsnooze({ id: prompt.key }),
      );
      return true;
    }
    case 'dismiss':
      coach.dismiss(prompt.key);
      coach.giveFeedback(vscode.l10n.t('Dismissed. It comes back only if it starts again.'), () => coach.undismiss(prompt.key));
      return true;
    case 'never':
      nudges.never(prompt.nudgeKind);
      coach.giveFeedback(vscode.l10n.t('No more prompts about {0}.', topic), () => nudges.resetNever(prompt.nudgeKind));
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
      coach.giveFeedback(vscode.l10n.t('Saved as a growth note.'));
      return true;
    case 'copyQuestion': {
      const person = prompt.people.find((p) => p.email === message.email);
      if (!person) return false;
      const question = draftQuestion({ personName: person.name, signalSummary: prompt.why, files: prompt.files, tried: message.answer });
      await vscode.env.clipboard.writeText(question);
      void vscode.window.showInformationMessage(vscode.l10n.t('Question for {0} copied.', person.name));
      return false;
    }
  }
}
