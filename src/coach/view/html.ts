import { escapeHtml } from '../../core/html';
import { displayText } from '../../core/text';
import type { SignalKind } from '../model/signals/types';
import type { CoachViewModel } from './protocol';

export interface HtmlResources {
  /** webview.cspSource */
  cspSource: string;
  /** Fresh for every render. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

/**
 * Text from the repository (author names and e-mails, file paths in a signal's summary, team
 * prompts): neutralised and bounded before it is escaped, so no bidi override or invisible
 * character reaches the view.
 */
function shown(text: string, maxLength = 200): string {
  return escapeHtml(displayText(text, { maxLength }));
}

/** 32 random hex characters from the given random source (crypto in the editor layer). */
export function makeNonce(randomBytes: (n: number) => Uint8Array): string {
  return [...randomBytes(16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const WATCHES: Record<SignalKind, string> = {
  'long-uncommitted': 'long stretches of editing without a commit',
  'repeated-failure': 'the same task or test command failing again and again',
  'error-churn': 'errors that stay in a file despite edits',
  'back-and-forth': 'the same lines rewritten back and forth',
  'ageing-branch': 'a branch drifting far behind its base',
  'single-author': 'files only one person has ever changed',
};

const COUNTS_TITLE =
  'Counted from git history: commits by this person that change these files (merges left out), the files they changed, and lines added plus deleted.';

function feedbackSection(model: CoachViewModel): string {
  const f = model.feedback;
  if (!f) return '';
  const undo = f.canUndo ? ` <button class="link inline" data-action="undo" data-id="${f.id}">Undo</button>` : '';
  return `<section class="feedback" role="status"><p>${escapeHtml(f.text)}${undo}</p></section>`;
}

function unseenTerminalsLine(model: CoachViewModel): string {
  const n = model.unseenTerminals;
  if (n <= 0) return '';
  const which = n === 1 ? '1 terminal has' : `${n} terminals have`;
  return `<p class="muted notice">${which} no shell integration, so test runs typed there are not seen. Tasks and other terminals still count.</p>`;
}

function emptyState(model: CoachViewModel): string {
  const muted = new Set(model.muted.map((m) => m.kind));
  const watched = (Object.keys(WATCHES) as SignalKind[]).filter((kind) => !muted.has(`coach.${kind}`));
  const list =
    watched.length === 0
      ? `<p>Every kind of prompt is muted, so the coach stays quiet.</p>`
      : `<p>Nothing to ask right now. The coach quietly watches for:</p>
  <ul class="watches">${watched.map((kind) => `<li>${escapeHtml(WATCHES[kind])}</li>`).join('')}</ul>`;
  return `<section class="empty">
  ${list}
  <p class="muted">When one shows up, you'll get a question here, not an answer, and a suggestion of who knows the code.${model.quietReason ? ` Quiet now: ${escapeHtml(model.quietReason)}.` : ''}</p>
  ${unseenTerminalsLine(model)}
</section>`;
}

function mutedSection(model: CoachViewModel): string {
  if (model.muted.length === 0) return '';
  return `<section class="muted-kinds" aria-label="Muted prompts">
  <h3>Muted</h3>
  <ul>${model.muted
    .map(
      (m) =>
        `<li><span>${escapeHtml(m.label)}</span> <button class="link inline" data-action="unmute" data-kind="${escapeHtml(m.kind)}" title="Prompts about this come back">Un-mute</button></li>`,
    )
    .join('')}</ul>
</section>`;
}

function promptSection(model: CoachViewModel): string {
  const p = model.current;
  if (!p) return emptyState(model);
  const key = escapeHtml(p.key);
  const people =
    p.people.length === 0
      ? p.peopleProblem
        ? `<p class="muted people-problem">Who knows this code: git history could not be read (${shown(p.peopleProblem, 160)}). Details are in the Multiplier log.</p>`
        : ''
      : `<section class="people" aria-label="People to ask">
  <h3>Who knows this code</h3>
  <ul>${p.people
    .map((person) => {
      const first = displayText(person.name, { maxLength: 60 }).split(' ')[0] || displayText(person.email, { maxLength: 60 });
      return `<li><span class="name">${shown(person.name, 80)}</span> <span class="reason" title="${escapeHtml(COUNTS_TITLE)}">${shown(person.reason, 300)}</span>
    <button class="link" data-action="copyQuestion" data-key="${key}" data-email="${escapeHtml(person.email)}">Copy a question for ${escapeHtml(first)}</button></li>`;
    })
    .join('')}</ul>
</section>`;
  const waiting = model.waiting > 0 ? `<p class="muted">${model.waiting} more waiting.</p>` : '';
  return `<section class="prompt" data-key="${key}">
  <div class="body">
    <p class="signal"><span class="label">${escapeHtml(p.signalLabel)}</span> ${shown(p.why, 400)}</p>
    <h2 class="question">${shown(p.question, 400)}</h2>
    ${people}
    ${waiting}
    ${unseenTerminalsLine(model)}
  </div>
  <div class="answer">
    <label for="answer" class="visually-hidden">Your answer, private until you choose to share it</label>
    <textarea id="answer" rows="2" placeholder="What I tried, what I expected, what happened (private until you share it)"></textarea>
    <div class="actions">
      <button data-action="answerInNote" data-key="${key}">Answer in a growth note</button>
      <span class="more">
        <button class="link inline" data-action="snooze" data-key="${key}" title="Hide this prompt for an hour">Snooze 1 hour</button>
        <button class="link inline" data-action="dismiss" data-key="${key}" title="Hide this occurrence">Dismiss</button>
        <button class="link inline" data-action="never" data-key="${key}" title="Stop prompts about ${escapeHtml(p.signalLabel.toLowerCase())}">Never for this kind</button>
      </span>
    </div>
  </div>
</section>`;
}

/** Why there is no history to suggest people from (a repository git refuses), with the fix: one line each. */
function noticesSection(notices: readonly string[]): string {
  if (notices.length === 0) return '';
  return `<section class="problems" role="status"><h3>History unavailable</h3><ul>${notices.map((n) => `<li>${shown(n, 600)}</li>`).join('')}</ul></section>`;
}

/** The whole document. Every dynamic string is escaped; the only script is the nonce'd file. */
export function renderCoachHtml(model: CoachViewModel, res: HtmlResources, notices: readonly string[] = []): string {
  // Not escaped: the quotes around 'none' and the nonce are part of the policy; every piece is ours.
  const csp = `default-src 'none'; style-src ${res.cspSource}; script-src 'nonce-${res.nonce}'; img-src ${res.cspSource}`;
  const problems =
    model.problems.length === 0
      ? ''
      : `<section class="problems" role="alert"><h3>Prompt file problems</h3><ul>${model.problems.map((p) => `<li>${shown(p, 400)}</li>`).join('')}</ul></section>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(res.styleUri)}">
<title>Coach</title>
</head>
<body>
<main>
${noticesSection(notices)}
${feedbackSection(model)}
${promptSection(model)}
${mutedSection(model)}
${problems}
</main>
<script nonce="${res.nonce}" src="${escapeHtml(res.scriptUri)}"></script>
</body>
</html>`;
}
