import { displayText } from '../../core/text';
import type { CoachViewModel } from './protocol';

export interface HtmlResources {
  /** webview.cspSource */
  cspSource: string;
  /** Fresh for every render. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

/** Escapes text for element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
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

const WATCHES = [
  'long stretches of editing without a commit',
  'the same task or test failing again and again',
  'errors that stay in a file despite edits',
  'the same lines rewritten back and forth',
  'a branch drifting far behind its base',
  'files only one person has ever changed',
];

function emptyState(model: CoachViewModel): string {
  return `<section class="empty">
  <p>Nothing to ask right now. The coach quietly watches for:</p>
  <ul>${WATCHES.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>
  <p class="muted">When one shows up, you'll get a question here, not an answer, and a suggestion of who knows the code.${model.quietReason ? ` Quiet now: ${escapeHtml(model.quietReason)}.` : ''}</p>
</section>`;
}

function promptSection(model: CoachViewModel): string {
  const p = model.current;
  if (!p) return emptyState(model);
  const key = escapeHtml(p.key);
  const people =
    p.people.length === 0
      ? ''
      : `<section class="people" aria-label="People to ask">
  <h3>Who knows this code</h3>
  <ul>${p.people
    .map(
      (person) => `<li><span class="name">${shown(person.name, 80)}</span> <span class="reason">${shown(person.reason, 300)}</span>
    <button class="link" data-action="copyQuestion" data-key="${key}" data-email="${escapeHtml(person.email)}">Copy a question for ${shown(displayText(person.name).split(' ')[0] || person.email, 60)}</button></li>`,
    )
    .join('')}</ul>
</section>`;
  const waiting = model.waiting > 0 ? `<p class="muted">${model.waiting} more waiting.</p>` : '';
  return `<section class="prompt" data-key="${key}">
  <p class="signal"><span class="label">${escapeHtml(p.signalLabel)}</span> ${shown(p.why, 400)}</p>
  <h2 class="question">${shown(p.question, 400)}</h2>
  ${people}
  <label for="answer" class="muted">Your answer stays private until you choose to share it.</label>
  <textarea id="answer" rows="2" placeholder="What I tried, what I expected, what happened…"></textarea>
  <div class="actions">
    <button data-action="answerInNote" data-key="${key}">Answer in a growth note</button>
    <button class="secondary" data-action="snooze" data-key="${key}" title="Hide this prompt for an hour">Snooze</button>
    <button class="secondary" data-action="dismiss" data-key="${key}" title="Hide this occurrence">Dismiss</button>
    <button class="secondary" data-action="never" data-key="${key}" title="Stop prompts about ${escapeHtml(p.signalLabel.toLowerCase())}">Never for this kind</button>
  </div>
</section>
${waiting}`;
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
${promptSection(model)}
${problems}
</main>
<script nonce="${res.nonce}" src="${escapeHtml(res.scriptUri)}"></script>
</body>
</html>`;
}
