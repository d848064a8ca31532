/**
 * Messages between the Coach webview and the extension. The webview script (media/coach/coach.js)
 * refers to these types through JSDoc, so both sides agree on one definition.
 */

/** What the view shows; plain data, also what the test API's `coach.state()` returns. */
export interface CoachViewModel {
  current?: CoachPromptView;
  /** Further prompts waiting behind the current one. */
  waiting: number;
  /** Why the coach keeps quiet right now (focus, quiet hours), shown as a small line. */
  quietReason?: string;
  /** Problems with team or settings prompt files, one line each. */
  problems: string[];
  /** Signal kinds the user muted ("Never for this kind"), each listed with an un-mute button. */
  muted: MutedKind[];
  /** What the last action on a prompt did, with its undo while it can still be undone. */
  feedback?: CoachFeedback;
  /** Terminals the user typed in that have no shell integration: test runs there are not seen. */
  unseenTerminals: number;
}

export interface MutedKind {
  /** Nudge kind, e.g. "coach.repeated-failure". */
  kind: string;
  /** e.g. "Repeated failures". */
  label: string;
}

export interface CoachFeedback {
  /** Identifies this feedback, so an Undo click never undoes a later action. */
  id: number;
  text: string;
  canUndo: boolean;
}

export interface CoachPromptView {
  /** Occurrence key of the signal, e.g. "repeated-failure:shell: build:1700000000000". */
  key: string;
  /** Nudge kind, e.g. "coach.repeated-failure"; "never for this kind" mutes it. */
  nudgeKind: string;
  signalKind: string;
  /** Short label of the signal kind, e.g. "Repeated failures". */
  signalLabel: string;
  /** Why the coach asks, e.g. "You've been editing src/x.ts for 50 min without a commit." */
  why: string;
  question: string;
  role: 'stuck' | 'mentor';
  files: string[];
  people: { name: string; email: string; reason: string }[];
  /** Why no one could be suggested: git history could not be read (the message from git). */
  peopleProblem?: string;
}

/** Webview → extension. `answer` carries the text box, so every action can use what was written. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'answerInNote'; key: string; answer: string }
  | { type: 'snooze'; key: string }
  | { type: 'dismiss'; key: string }
  | { type: 'never'; key: string }
  | { type: 'copyQuestion'; key: string; email: string; answer: string }
  | { type: 'undo'; id: number }
  | { type: 'unmute'; kind: string };

export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  const str = (k: string): boolean => typeof m[k] === 'string';
  switch (m.type) {
    case 'ready':
      return true;
    case 'snooze':
    case 'dismiss':
    case 'never':
      return str('key');
    case 'answerInNote':
      return str('key') && str('answer');
    case 'copyQuestion':
      return str('key') && str('email') && str('answer');
    case 'undo':
      return Number.isSafeInteger(m.id);
    case 'unmute':
      // Only the coach's own kinds: the view never un-mutes another capability's nudges.
      return str('kind') && /^coach\.[a-z-]+$/.test(m.kind as string);
    default:
      return false;
  }
}
