/**
 * The Coach's prompts: what one is, how the shipped, team and settings libraries merge, and which
 * fit a signal. Reading them from files and settings is ./parse.ts (bundled apart with its JSON
 * parser, dist/coach.js). Pure.
 */
import type { SignalKind } from '../signals/types';

/** Who the question is for: the person who is stuck, or the mentor someone asked for help. */
export type PromptRole = 'stuck' | 'mentor';
export const PROMPT_ROLES: readonly PromptRole[] = ['stuck', 'mentor'];

/** '*' applies to every signal. */
export type PromptSignal = SignalKind | '*';

export type PromptSource = 'shipped' | 'settings' | 'team';

export interface Prompt {
  id: string;
  signal: PromptSignal;
  role: PromptRole;
  text: string;
  source: PromptSource;
}

export interface PromptFileResult {
  prompts: Prompt[];
  /** One line each, e.g. ".multiplier/prompts.json:7:5: "role" must be "stuck" or "mentor"". */
  errors: string[];
}

/** Shipped first, then the team's, then the user's; later duplicates of the same text are dropped. */
export function mergeLibraries(...libraries: readonly (readonly Prompt[])[]): Prompt[] {
  const seen = new Set<string>();
  const out: Prompt[] = [];
  for (const prompt of libraries.flat()) {
    const key = `${prompt.signal}|${prompt.role}|${prompt.text.toLowerCase()}`;
    if (seen.has(key) || out.some((p) => p.id === prompt.id)) continue;
    seen.add(key);
    out.push(prompt);
  }
  return out;
}

/** Prompts for one signal and role: the signal's own questions first, then the general ones. */
export function promptsFor(library: readonly Prompt[], signal: SignalKind, role: PromptRole): Prompt[] {
  const specific = library.filter((p) => p.role === role && p.signal === signal);
  const general = library.filter((p) => p.role === role && p.signal === '*');
  return [...specific, ...general];
}
