/**
 * Retro offers: when the git source sees a revert, a hotfix or a failed release land, offer (through
 * the one nudge scheduler, in a review window) to start a blameless retro note in Growth Notes.
 * Helper of the words capability that owns this one job: what was seen, what waits to be offered.
 */
import * as vscode from 'vscode';
import type { Clock, Timer } from '../core/clock';
import type { GitApi, RepoSnapshot } from '../git/api';
import type { NotesApi } from '../notes/api';
import type { NudgeApi, NudgeRequest } from '../nudge/api';
import { wordsEngine } from './engine';
import type { RetroIncident } from './model/retro';
import { nextReviewWindowStart } from './policy/reviewWindow';

export const RETRO_KIND = 'words.retro';
const STATE_KEY = 'multiplier.words.retros';

interface PendingOffer {
  incident: RetroIncident;
  /** When the toast was shown; an offer toasts once, then waits for the command. */
  toastedAt?: number;
  /** The scheduler's last word on it ('waits for the 15:00 review window'). */
  reason?: string;
}

interface SavedState {
  /** Repository root → HEAD when last looked at. */
  tips: Record<string, string>;
  /** Repository root → release tags already seen. */
  releases: Record<string, string[]>;
  pending: PendingOffer[];
  /** Incident ids ever offered or started: never offered twice. */
  done: string[];
}

export interface RetroDeps {
  git: GitApi;
  nudges: NudgeApi;
  notes: NotesApi;
  clock: Clock;
  state: vscode.Memento;
  enabled: () => boolean;
  hotfixPattern: () => string;
  onError: (message: string, error: unknown) => void;
}

export class RetroWatcher {
  private readonly subscriptions: { dispose(): void }[] = [];
  private readonly heads = new Map<string, string | undefined>();
  private timer: Timer | undefined;
  private checking = Promise.resolve();
  private started = false;
  /** How many history checks finished, for tests that wait for a positive signal. */
  checks = 0;

  constructor(private readonly deps: RetroDeps) {}

  private get saved(): SavedState {
    const raw = this.deps.state.get<Partial<SavedState>>(STATE_KEY, {});
    return { tips: raw.tips ?? {}, releases: raw.releases ?? {}, pending: raw.pending ?? [], done: raw.done ?? [] };
  }

  private save(state: SavedState): Thenable<void> {
    return this.deps.state.update(STATE_KEY, state);
  }

  /** Starts following repository snapshots; git itself runs only when a HEAD moves. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.subscriptions.push(
      this.deps.git.onDidChangeSnapshots((snapshots) => this.onSnapshots(snapshots)),
      this.deps.nudges.onDidChange(() => this.offer()),
      this.deps.clock.onDidJump(() => this.offer()),
    );
    this.onSnapshots(this.deps.git.snapshots);
    this.offer();
  }

  pending(): readonly PendingOffer[] {
    return this.saved.pending;
  }

  private onSnapshots(snapshots: readonly RepoSnapshot[]): void {
    if (!this.deps.enabled()) return;
    for (const snapshot of snapshots) {
      if (this.heads.get(snapshot.repoRoot) === snapshot.head) continue;
      this.heads.set(snapshot.repoRoot, snapshot.head);
      if (snapshot.head === undefined) continue;
      this.checking = this.checking
        .then(() => this.check(snapshot.repoRoot, snapshot.head!))
        .catch((error: unknown) => this.deps.onError('retro check failed', error));
    }
  }

  /** Looks at what is new since the last look at this repository. */
  private async check(repoRoot: string, head: string): Promise<void> {
    try {
      const state = this.saved;
      const lastTip = state.tips[repoRoot];
      if (lastTip === head) return;
      if (lastTip === undefined) {
        // The first look only sets the mark, without running git: history from before Multiplier
        // watched is not an incident, and no git process starts before a view or a change asks.
        state.tips[repoRoot] = head;
        await this.save(state);
        return;
      }
      const history = await this.deps.git.history(repoRoot);
      const tags = history.releases.map((r) => r.tag);
      const seenTags = state.releases[repoRoot];
      state.tips[repoRoot] = history.tip ?? head;
      state.releases[repoRoot] = tags;
      const { commitsSince, findIncidents, hotfixMatcher } = wordsEngine();
      const fresh = commitsSince(history, lastTip) ?? new Set<string>();
      // Tags are first recorded at the first history read; a release is new only after that.
      const newTags = new Set(seenTags === undefined ? [] : tags.filter((t) => !seenTags.includes(t)));
      for (const incident of findIncidents(history, fresh, newTags, hotfixMatcher(this.deps.hotfixPattern()))) {
        if (state.done.includes(incident.id) || state.pending.some((p) => p.incident.id === incident.id)) continue;
        state.pending.push({ incident });
      }

      await this.save(state);
      this.offer();
    } finally {
      this.checks++;
    }
  }

  private request(incident: RetroIncident): NudgeRequest {
    return {
      kind: RETRO_KIND,
      id: incident.id,
      title: vscode.l10n.t('Start a blameless retro on {0}?', incident.title),
      why:
        incident.kind === 'revert'
          ? vscode.l10n.t(
              'A revert landed; a short retro while it is fresh helps the team learn what made it easy to happen, and this is a review window',
            )
          : incident.kind === 'hotfix'
            ? vscode.l10n.t(
                'A hotfix landed; a short retro while it is fresh helps the team learn what made it easy to happen, and this is a review window',
              )
            : vscode.l10n.t(
                'A release was followed by a quick patch; a short retro while it is fresh helps the team learn what made it easy to happen, and this is a review window',
              ),
      wantsToast: true,
      onlyInReviewWindow: true,
      // Named in "Snoozed … until" and "No more nudges about …", in the user's language.
      kindLabel: vscode.l10n.t('retro offers'),
    };
  }

  /** Asks the scheduler about every offer not yet shown; a waiting one is asked again when the next review window opens. */
  offer(): void {
    if (!this.started) return;
    this.timer?.dispose();
    this.timer = undefined;
    const state = this.saved;
    let changed = false;
    let waiting = false;
    for (const offer of state.pending) {
      if (offer.toastedAt !== undefined) continue;
      const request = this.request(offer.incident);
      const decision = this.deps.nudges.decide(request);
      if (offer.reason !== decision.reason) {
        offer.reason = decision.reason;
        changed = true;
      }
      if (decision.channel === 'view') waiting = true;
      if (decision.channel !== 'toast') continue;
      offer.toastedAt = this.deps.clock.now();
      changed = true;
      const start = vscode.l10n.t('Start Retro Note');
      void this.deps.nudges.notify(request, start).then((outcome) => {
        if (outcome.action === start) return this.startRetro(offer.incident.id).then(() => undefined);
        return undefined;
      });
    }
    if (changed) void this.save(state);
    if (waiting) {
      const next = nextReviewWindowStart(this.deps.clock.now(), this.deps.nudges.settings());
      if (next !== undefined) this.timer = this.deps.clock.at(next, () => this.offer());
    }
  }

  /** Creates the retro note for a pending incident (or a blank retro when there is none) and opens it. */
  async startRetro(id?: string): Promise<vscode.Uri> {
    const state = this.saved;
    const offer = state.pending.find((p) => p.incident.id === id);
    const incident = offer?.incident;
    const uri = await this.deps.notes.create({
      kind: 'retro',
      body: wordsEngine().retroNoteBody(incident),
      tags: ['retro'],
      links: incident ? [{ type: 'commit', sha: incident.commit, repo: incident.repoRoot }] : [],
    });
    if (incident) {
      const after = this.saved;
      after.pending = after.pending.filter((p) => p.incident.id !== incident.id);
      after.done = [...after.done, incident.id].slice(-500);
      await this.save(after);
    }
    return uri;
  }

  /** Idle until every check started so far has finished. */
  settled(): Promise<void> {
    return this.checking;
  }

  dispose(): void {
    this.timer?.dispose();
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}
