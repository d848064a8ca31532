import { Emitter, type Event } from '../core/event';
import type { NudgeDecision, NudgeRequest } from '../nudge/api';
import { type Prompt, type PromptRole, promptsFor } from './model/prompts/library';
import { nextPrompt, type RotationState, rotationKey } from './model/prompts/rotation';
import { detectAgeingBranch, type BranchState } from './model/signals/ageingBranch';
import { detectBackAndForth } from './model/signals/backAndForth';
import { detectErrorChurn } from './model/signals/errorChurn';
import { SIGNAL_LABELS, SIGNAL_TOPICS } from './model/signals/labels';
import { detectLongUncommitted } from './model/signals/longUncommitted';
import { detectRepeatedFailures } from './model/signals/repeatedFailure';
import { type CoachEvent, MINUTE, type Signal, SIGNAL_KINDS, type SignalKind, type Thresholds } from './model/signals/types';
import type { CoachPromptView, CoachViewModel, MutedKind } from './view/protocol';
import type { AskSuggestion } from './model/whoToAsk';

/** Everything the coach needs from outside; the editor layer supplies it, tests supply fakes. */
export interface CoachDeps {
  now(): number;
  thresholds(): Thresholds;
  library(): readonly Prompt[];
  problems(): readonly string[];
  wantsToast(): boolean;
  decide(req: NudgeRequest): NudgeDecision;
  /** Shows a toast through the nudge scheduler (only called for channel 'toast'). */
  toast(req: NudgeRequest): void;
  quietReason(): string | undefined;
  /** Nudge kinds muted with "Never for this kind" (every capability's; the coach lists its own). */
  mutedKinds(): readonly string[];
  loadRotation(): RotationState;
  saveRotation(state: RotationState): void;
  /** At most two people for the signal's files, never the user; may be slow (git). */
  peopleFor(signal: Signal): Promise<AskSuggestion[]>;
}

/** Events older than this can no longer change any detector's answer with sane thresholds. */
const KEEP_EVENTS_MS = 8 * 60 * MINUTE;
const MAX_EVENTS = 20_000;

interface Raised {
  signal: Signal;
  prompt: Prompt;
  role: PromptRole;
  people: AskSuggestion[];
  /** Look-ups of people so far; git may not be ready when the signal is first raised. */
  peopleTries: number;
  /** Why the last look-up of people failed, said in the view rather than only in the log. */
  peopleProblem?: string;
  /**
   * When this occurrence was first raised. Prompts are ordered by it, newest first: a signal whose
   * time moves with the clock (an ageing branch) must not stay on top of every newer prompt.
   */
  raisedAt: number;
}

const MAX_PEOPLE_TRIES = 3;
/** How long the confirmation of an action (and its Undo) stays in the view. */
const FEEDBACK_MS = 5 * MINUTE;

export function nudgeKindOf(signal: Signal): string {
  return `coach.${signal.kind}`;
}

interface Feedback {
  id: number;
  text: string;
  at: number;
  undo?: () => void;
}

/**
 * The coach's policy, pure: it keeps recent editor events, runs the detectors, picks a rotating
 * question for each new signal, and asks the nudge scheduler whether and where to show it.
 */
export class CoachController {
  private events: CoachEvent[] = [];
  private branch: BranchState | undefined;
  private external = new Map<string, { signal: Signal; role: PromptRole }>();
  private readonly raised = new Map<string, Raised>();
  private readonly dismissed = new Set<string>();
  private readonly toasted = new Set<string>();
  private unseenTerminals = 0;
  private feedback: Feedback | undefined;
  private feedbackIds = 0;
  private model: CoachViewModel = { waiting: 0, problems: [], muted: [], unseenTerminals: 0 };
  private readonly changed = new Emitter<CoachViewModel>();
  readonly onDidChange: Event<CoachViewModel> = this.changed.event;

  constructor(private readonly deps: CoachDeps) {}

  record(event: CoachEvent): void {
    this.events.push(event);
    const horizon = event.at - KEEP_EVENTS_MS;
    if (this.events.length > MAX_EVENTS || (this.events[0] && this.events[0].at < horizon)) {
      this.events = this.events.filter((e) => e.at >= horizon).slice(-MAX_EVENTS);
    }
  }

  setBranch(state: BranchState | undefined): void {
    this.branch = state;
  }

  /** Terminals the user typed in that have no shell integration (test runs there are not seen). */
  setUnseenTerminals(count: number): void {
    this.unseenTerminals = count;
  }

  /** Says what an action did; `undo` (if any) is offered until the next action or five minutes. */
  giveFeedback(text: string, undo?: () => void): void {
    this.feedback = { id: ++this.feedbackIds, text, at: this.deps.now(), undo };
  }

  /** Runs the undo of feedback `id`, if it is still the current one; returns whether it ran. */
  undo(id: number): boolean {
    const feedback = this.feedback;
    if (!feedback || feedback.id !== id || !feedback.undo) return false;
    this.feedback = undefined;
    feedback.undo();
    return true;
  }

  /** Signals computed elsewhere (single-author from ownership, or injected by a test/command). */
  setExternal(slot: string, signal: Signal | undefined, role: PromptRole = 'stuck'): void {
    if (signal) this.external.set(slot, { signal, role });
    else this.external.delete(slot);
  }

  /** Signals active now, before the nudge policy and dismissals filter them. */
  activeSignals(): { signal: Signal; role: PromptRole }[] {
    const now = this.deps.now();
    const t = this.deps.thresholds();
    const found = [
      detectLongUncommitted(this.events, t),
      ...detectRepeatedFailures(this.events, now, t),
      detectErrorChurn(this.events, now, t),
      detectBackAndForth(this.events, now, t),
      this.branch ? detectAgeingBranch(this.branch, now, t) : undefined,
    ]
      .filter((s): s is Signal => s !== undefined)
      .map((signal) => ({ signal, role: 'stuck' as PromptRole }));
    return [...found, ...this.external.values()];
  }

  private queue: Promise<CoachViewModel> = Promise.resolve(this.model);

  /** Re-runs the detectors and the policy; returns the new view model and fires on change. */
  evaluate(): Promise<CoachViewModel> {
    // One at a time, so a signal is never raised twice (and the rotation never skips a prompt).
    this.queue = this.queue.then(
      () => this.evaluateNow(),
      () => this.evaluateNow(),
    );
    return this.queue;
  }

  private async evaluateNow(): Promise<CoachViewModel> {
    const visible: Raised[] = [];
    for (const { signal, role } of this.activeSignals()) {
      if (this.dismissed.has(signal.key)) continue;
      const existing = this.raised.get(signal.key);
      const raised = existing ?? (await this.raise(signal, role));
      if (!raised) continue;
      raised.signal = signal; // summaries update ("for 50 min" → "for 55 min")
      if (existing && existing.people.length === 0 && existing.peopleTries < MAX_PEOPLE_TRIES) await this.lookUpPeople(existing);
      const request = this.requestFor(raised);
      const decision = this.deps.decide(request);
      if (decision.channel === 'suppressed') continue;
      if (decision.channel === 'toast' && !this.toasted.has(signal.key)) {
        this.toasted.add(signal.key);
        this.deps.toast(request);
      }
      visible.push(raised);
    }
    visible.sort((a, b) => b.raisedAt - a.raisedAt);
    const [current] = visible;
    if (this.feedback && this.deps.now() - this.feedback.at > FEEDBACK_MS) this.feedback = undefined;
    const feedback = this.feedback;
    this.publish({
      current: current ? this.view(current) : undefined,
      waiting: Math.max(0, visible.length - 1),
      quietReason: this.deps.quietReason(),
      problems: [...this.deps.problems()],
      muted: this.mutedSignalKinds(),
      feedback: feedback && { id: feedback.id, text: feedback.text, canUndo: feedback.undo !== undefined },
      unseenTerminals: this.unseenTerminals,
    });
    return this.model;
  }

  current(): CoachViewModel {
    return this.model;
  }

  /** The raised prompt for a key, for actions (answer, copy a question). */
  find(key: string): CoachPromptView | undefined {
    const raised = this.raised.get(key);
    return raised ? this.view(raised) : undefined;
  }

  /** Hides this occurrence until the signal clears and comes back as a new occurrence. */
  dismiss(key: string): void {
    this.dismissed.add(key);
  }

  undismiss(key: string): void {
    this.dismissed.delete(key);
  }

  private mutedSignalKinds(): MutedKind[] {
    const muted = new Set(this.deps.mutedKinds());
    return SIGNAL_KINDS.filter((kind: SignalKind) => muted.has(`coach.${kind}`)).map((kind) => ({
      kind: `coach.${kind}`,
      label: SIGNAL_LABELS[kind],
    }));
  }

  private async raise(signal: Signal, role: PromptRole): Promise<Raised | undefined> {
    const candidates = promptsFor(this.deps.library(), signal.kind, role);
    const key = rotationKey(signal.kind, role);
    const next = nextPrompt(candidates, this.deps.loadRotation(), key);
    if (!next) return undefined;
    this.deps.saveRotation(next.state);
    const raised: Raised = { signal, prompt: next.prompt, role, people: [], peopleTries: 0, raisedAt: signal.at };
    await this.lookUpPeople(raised);
    this.raised.set(signal.key, raised);
    return raised;
  }

  private async lookUpPeople(raised: Raised): Promise<void> {
    raised.peopleTries++;
    try {
      raised.people = await this.deps.peopleFor(raised.signal);
      raised.peopleProblem = undefined;
    } catch (error) {
      // Who-to-ask is a bonus; a git hiccup must not hide the question, but it is said, not hidden.
      raised.peopleProblem = error instanceof Error ? error.message : String(error);
    }
  }

  private requestFor(raised: Raised): NudgeRequest {
    return {
      kind: nudgeKindOf(raised.signal),
      id: raised.signal.key,
      title: raised.prompt.text,
      why: raised.signal.summary,
      wantsToast: this.deps.wantsToast(),
      kindLabel: SIGNAL_TOPICS[raised.signal.kind],
    };
  }

  private view(raised: Raised): CoachPromptView {
    const { signal, prompt, role, people, peopleProblem } = raised;
    return {
      ...(people.length === 0 && peopleProblem ? { peopleProblem } : {}),
      key: signal.key,
      nudgeKind: nudgeKindOf(signal),
      signalKind: signal.kind,
      signalLabel: SIGNAL_LABELS[signal.kind],
      why: signal.summary,
      question: prompt.text,
      role,
      files: signal.files,
      people,
    };
  }

  private publish(model: CoachViewModel): void {
    const before = JSON.stringify(this.model);
    this.model = model;
    if (JSON.stringify(model) !== before) this.changed.fire(model);
  }
}
