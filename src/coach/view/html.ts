import * as l10n from '@vscode/l10n';
import { escapeHtml, fillHtml, pageLanguage } from '../../core/html';
import { displayText } from '../../core/text';
import { translatedTable } from '../../core/translatedTable';
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

const WATCHES = translatedTable<SignalKind, string>(() => ({
  'long-uncommitted': l10n.t('long stretches of editing without a commit'),
  'repeated-failure': l10n.t('the same task or test command failing again and again'),
  'error-churn': l10n.t('errors that stay in a file despite edits'),
  'back-and-forth': l10n.t('the same lines rewritten back and forth'),
  'ageing-branch': l10n.t('a branch drifting far behind its base'),
  'single-author': l10n.t('files only one person has ever changed'),
}));

function countsTitle(): string {
  return l10n.t(
    'Counted from git history: commits by this person that change these files (merges left out), the files they changed, and lines added plus deleted.',
  );
}

function feedbackSection(model: CoachViewModel): string {
  const f = model.feedback;
  if (!f) return '';
  const undo = f.canUndo ? ` <button class="link inline" data-action="undo" data-id="${f.id}">${escapeHtml(l10n.t('Undo'))}</button>` : '';
  return `<section class="feedback" role="status"><p>${escapeHtml(f.text)}${undo}</p></section>`;
}

function unseenTerminalsLine(model: CoachViewModel): string {
  const n = model.unseenTerminals;
  if (n <= 0) return '';
  const text =
    n === 1
      ? l10n.t('1 terminal has no shell integration, so test runs typed there are not seen. Tasks and other terminals still count.')
      : l10n.t('{0} terminals have no shell integration, so test runs typed there are not seen. Tasks and other terminals still count.', n);
  return `<p class="muted notice">${escapeHtml(text)}</p>`;
}

function emptyState(model: CoachViewModel): string {
  const muted = new Set(model.muted.map((m) => m.kind));
  const watched = (Object.keys(WATCHES) as SignalKind[]).filter((kind) => !muted.has(`coach.${kind}`));
  const list =
    watched.length === 0
      ? `<p>${escapeHtml(l10n.t('Every kind of prompt is muted, so the coach stays quiet.'))}</p>`
      : `<p>${escapeHtml(l10n.t('Nothing to ask right now. The coach quietly watches for:'))}</p>
  <ul class="watches">${watched.map((kind) => `<li>${escapeHtml(WATCHES[kind])}</li>`).join('')}</ul>`;
  const when = l10n.t("When one shows up, you'll get a question here, not an answer, and a suggestion of who knows the code.");
  const quiet = model.quietReason ? ` ${l10n.t('Quiet now: {0}.', model.quietReason)}` : '';
  return `<section class="empty">
  ${list}
  <p class="muted">${escapeHtml(when + quiet)}</p>
  ${unseenTerminalsLine(model)}
</section>`;
}

function mutedSection(model: CoachViewModel): string {
  if (model.muted.length === 0) return '';
  const [title, unmute] = [escapeHtml(l10n.t('Prompts about this come back')), escapeHtml(l10n.t('Un-mute'))];
  return `<section class="muted-kinds" aria-label="${escapeHtml(l10n.t('Muted prompts'))}">
  <h3>${escapeHtml(l10n.t('Muted'))}</h3>
  <ul>${model.muted
    .map(
      (m) =>
        `<li><span>${escapeHtml(m.label)}</span> <button class="link inline" data-action="unmute" data-kind="${escapeHtml(m.kind)}" title="${title}">${unmute}</button></li>`,
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
        ? `<p class="muted people-problem">${fillHtml(l10n.t('Who knows this code: git history could not be read ({0}). Details are in the Multiplier log.'), shown(p.peopleProblem, 160))}</p>`
        : ''
      : `<section class="people" aria-label="${escapeHtml(l10n.t('People to ask'))}">
  <h3>${escapeHtml(l10n.t('Who knows this code'))}</h3>
  <ul>${p.people
    .map((person) => {
      const first = displayText(person.name, { maxLength: 60 }).split(' ')[0] || displayText(person.email, { maxLength: 60 });
      return `<li><span class="name">${shown(person.name, 80)}</span> <span class="reason" title="${escapeHtml(countsTitle())}">${shown(person.reason, 300)}</span>
    <button class="link" data-action="copyQuestion" data-key="${key}" data-email="${escapeHtml(person.email)}">${escapeHtml(l10n.t('Copy a question for {0}', first))}</button></li>`;
    })
    .join('')}</ul>
</section>`;
  const waiting = model.waiting > 0 ? `<p class="muted">${escapeHtml(l10n.t('{0} more waiting.', model.waiting))}</p>` : '';
  return `<section class="prompt" data-key="${key}">
  <div class="body">
    <p class="signal"><span class="label">${escapeHtml(p.signalLabel)}</span> ${shown(p.why, 400)}</p>
    <h2 class="question">${shown(p.question, 400)}</h2>
    ${people}
    ${waiting}
    ${unseenTerminalsLine(model)}
  </div>
  <div class="answer">
    <label for="answer" class="visually-hidden">${escapeHtml(l10n.t('Your answer, private until you choose to share it'))}</label>
    <textarea id="answer" rows="2" placeholder="${escapeHtml(l10n.t('What I tried, what I expected, what happened (private until you share it)'))}"></textarea>
    <div class="actions">
      <button data-action="answerInNote" data-key="${key}">${escapeHtml(l10n.t('Answer in a growth note'))}</button>
      <span class="more">
        <button class="link inline" data-action="snooze" data-key="${key}" title="${escapeHtml(l10n.t('Hide this prompt for an hour'))}">${escapeHtml(l10n.t('Snooze 1 hour'))}</button>
        <button class="link inline" data-action="dismiss" data-key="${key}" title="${escapeHtml(l10n.t('Hide this occurrence'))}">${escapeHtml(l10n.t('Dismiss'))}</button>
        <button class="link inline" data-action="never" data-key="${key}" title="${escapeHtml(l10n.t('Stop prompts about {0}', p.signalLabel.toLowerCase()))}">${escapeHtml(l10n.t('Never for this kind'))}</button>
      </span>
    </div>
  </div>
</section>`;
}

/** Why there is no history to suggest people from (a repository git refuses), with the fix: one line each. */
function noticesSection(notices: readonly string[]): string {
  if (notices.length === 0) return '';
  return `<section class="problems" role="status"><h3>${escapeHtml(l10n.t('History unavailable'))}</h3><ul>${notices.map((n) => `<li>${shown(n, 600)}</li>`).join('')}</ul></section>`;
}

/** The whole document. Every dynamic string is escaped; the only script is the nonce'd file. */
export function renderCoachHtml(model: CoachViewModel, res: HtmlResources, notices: readonly string[] = []): string {
  // Not escaped: the quotes around 'none' and the nonce are part of the policy; every piece is ours.
  const csp = `default-src 'none'; style-src ${res.cspSource}; script-src 'nonce-${res.nonce}'; img-src ${res.cspSource}`;
  const problems =
    model.problems.length === 0
      ? ''
      : `<section class="problems" role="alert"><h3>${escapeHtml(l10n.t('Prompt file problems'))}</h3><ul>${model.problems.map((p) => `<li>${shown(p, 400)}</li>`).join('')}</ul></section>`;
  return `<!DOCTYPE html>
<html lang="${pageLanguage()}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(res.styleUri)}">
<title>${escapeHtml(l10n.t('Coach'))}</title>
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
