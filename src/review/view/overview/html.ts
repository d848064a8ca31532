/**
 * The PR overview's HTML: title, author, state, labels, why it is in the queue and each hygiene
 * flag with what to do, the description, reviewers, checks, the timeline and the changed files,
 * with the actions on top. Every string from GitHub is cleaned (displayText) and escaped; the
 * description goes through the Markdown sanitiser. Strict policy: our own script by nonce, our
 * own stylesheet, no inline style, no remote image. Pure: no `vscode` import.
 */
import { escapeHtml } from '../../../core/html';
import { displayText } from '../../../core/text';
import { FLAG_GUIDE, formatHours } from '../../policy/hygiene';
import type { PullDetails, TimelineEvent } from '../../model/pullDetails';
import { sameLogin, type PullRequest } from '../../model/pullRequest';
import type { QueueItem } from '../../model/queue';
import { GROUP_TEXT } from '../groupText';
import { join } from 'node:path';
import { lazyModule } from '../../../core/lazyModule';
import { availableActions } from './actions';
import type { OverviewAction } from './protocol';

/** markdown-it and its rules: dist/markdown.js, required on the first description rendered (it is half the size of the extension). */
const markdown = lazyModule<typeof import('./markdown')>({ bundled: join(__dirname, 'markdown.js'), source: join(__dirname, 'markdown') });

export interface OverviewInput {
  pr: PullRequest;
  /** The queue's view of it (reason, flags, rank), when it is in the queue. */
  item?: QueueItem;
  details?: PullDetails;
  loading: boolean;
  /** Our own words: why the details are missing or old ("offline · details from 12 min ago"). */
  notice?: string;
  pinned: boolean;
  /** The GitHub Pull Requests extension is installed. */
  prExtension: boolean;
  /** SLOT(check-description): true once the words capability's action is wired. */
  checkDescription: boolean;
  now: number;
}

export interface OverviewResources {
  cspSource: string;
  /** Fresh for every render. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

/** Untrusted single-line text, cleaned and escaped. */
const t = (text: string, maxLength = 200) => escapeHtml(displayText(text, { maxLength }));

export function overviewContentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource}; font-src ${cspSource}`;
}

function ago(now: number, at: number): string {
  const minutes = Math.max(0, Math.round((now - at) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

function time(now: number, at: number): string {
  return `<time datetime="${new Date(at).toISOString()}" title="${new Date(at).toISOString().replace('T', ' ').slice(0, 16)} UTC">${ago(now, at)}</time>`;
}

function button(action: OverviewAction, label: string, title: string, secondary = true): { action: OverviewAction; html: string } {
  return {
    action,
    html: `<button class="${secondary ? 'secondary' : 'primary'}" data-action="${action}" title="${escapeHtml(title)}">${escapeHtml(label)}</button>`,
  };
}

function stateChip(pr: PullRequest): string {
  const state = pr.state === 'merged' ? 'Merged' : pr.state === 'closed' ? 'Closed' : pr.draft ? 'Draft' : 'Open';
  return `<span class="chip state state-${state.toLowerCase()}">${state}</span>`;
}

/** What the page offers for this pull request (the panel refuses anything else). */
export function actionsFor(input: OverviewInput): OverviewAction[] {
  return availableActions({
    state: (input.details?.pr ?? input.pr).state,
    inQueue: input.item !== undefined,
    pinned: input.pinned,
    prExtension: input.prExtension,
    checkDescription: input.checkDescription,
  });
}

/** Who asked to merge what into what; for a merged pull request, who merged it and when. */
function proposal(pr: PullRequest, now: number): string {
  const branches = `<code>${t(pr.headRef, 120)}</code> into <code>${t(pr.baseRef, 120)}</code>`;
  if (pr.state === 'merged')
    return `<span class="who">${t(pr.mergedBy ?? pr.author, 60)}</span> merged ${branches}${pr.mergedAt !== undefined ? ` ${time(now, pr.mergedAt)}` : ''}`;
  if (pr.state === 'closed') return `<span class="who">${t(pr.author, 60)}</span> asked to merge ${branches} (closed without merging)`;
  return `<span class="who">${t(pr.author, 60)}</span> wants to merge ${branches}`;
}

function actions(input: OverviewInput): string {
  const offered = new Set(actionsFor(input));
  const buttons = [
    button('openChanges', 'Open Changes', 'All changed files in the multi-file diff editor, without checking out', false),
    button('checkout', 'Check Out', "Check out the pull request's branch in this workspace"),
    button('openInBrowser', 'Open in Browser', 'Open the pull request on GitHub'),
  ];
  if (input.prExtension)
    buttons.push(button('openInPullRequests', 'Open in GitHub Pull Requests', 'Open it in the GitHub Pull Requests extension'));
  buttons.push(
    button('copyQuestion', 'Copy a question for the author', 'An open question about the change, ready to paste'),
    button('snooze', 'Snooze…', 'Hide it from the queue for a while'),
    input.pinned
      ? button('unpin', 'Unpin', 'Stop keeping it at the top of the queue')
      : button('pin', 'Pin to top', 'Keep it at the top of the queue'),
  );
  // SLOT(check-description): the words capability's "Check description" button goes here (wired at merge time).
  if (input.checkDescription)
    buttons.push(button('checkDescription', 'Check description', 'Check the description for its why and its tone'));
  buttons.push(button('refresh', 'Refresh', 'Fetch the latest details'));
  const shown = buttons.filter((b) => offered.has(b.action)).map((b) => b.html);
  return `<nav class="actions" aria-label="Actions">${shown.join('')}</nav>`;
}

function why(input: OverviewInput): string {
  const item = input.item;
  if (!item) return `<section><h2>Why it is here</h2><p class="muted">It is not in your queue right now.</p></section>`;
  const group = item.snoozed ? GROUP_TEXT.snoozed : GROUP_TEXT[item.group];
  const rank = item.ranked
    ? `<p class="muted">Rank score ${Math.round(item.ranked.score)} = wait ${Math.round(item.ranked.parts.wait)} + size ${item.ranked.parts.size} + blocks ${item.ranked.parts.blocks} + asked ${item.ranked.parts.asked}. Waits count business hours only.</p>`
    : '';
  const flags =
    item.flags.length === 0
      ? '<p class="muted">No hygiene flags.</p>'
      : `<ul class="flags">${item.flags
          .map(
            (f) =>
              `<li><span class="flag">${escapeHtml(f.label)}</span> <span class="advice">${escapeHtml(FLAG_GUIDE[f.id].advice)}</span></li>`,
          )
          .join('')}</ul>`;
  return `<section class="why" aria-label="Why it is here">
<h2>Why it is here</h2>
<p><strong>${escapeHtml(group.label)}</strong> <span class="muted">· ${escapeHtml(group.why)}</span></p>
<p class="reason">${escapeHtml(item.reason)}</p>
${rank}
<h3>Hygiene</h3>
${flags}
</section>`;
}

const REVIEW_WORDS: Record<string, string> = {
  APPROVED: '✓ Approved',
  CHANGES_REQUESTED: '✕ Changes requested',
  COMMENTED: 'Commented',
  DISMISSED: 'Dismissed',
};

function reviewers(input: OverviewInput): string {
  const pr = input.details?.pr ?? input.pr;
  const rows: string[] = [];
  const seen = new Set<string>();
  const latest = new Map<string, { state: string; at: number }>();
  for (const r of [...pr.reviews].sort((a, b) => a.submittedAt - b.submittedAt)) {
    if (sameLogin(r.reviewer, pr.author) || r.state === 'PENDING') continue;
    const prev = latest.get(r.reviewer.toLowerCase());
    // A comment does not replace a verdict.
    if (r.state === 'COMMENTED' && prev && prev.state !== 'COMMENTED') continue;
    latest.set(r.reviewer.toLowerCase(), { state: r.state, at: r.submittedAt });
  }
  for (const who of pr.requestedReviewers) {
    seen.add(who.toLowerCase());
    const review = latest.get(who.toLowerCase());
    rows.push(
      `<li><span class="who">${t(who, 60)}</span> <span class="muted">requested${review ? `, earlier: ${escapeHtml(REVIEW_WORDS[review.state] ?? review.state)}` : ', no review yet'}</span></li>`,
    );
  }
  for (const team of pr.requestedTeams)
    rows.push(`<li><span class="who">${t(team, 80)}</span> <span class="muted">team requested, no review yet</span></li>`);
  for (const [key, review] of latest) {
    if (seen.has(key)) continue;
    const name = pr.reviews.find((r) => r.reviewer.toLowerCase() === key)?.reviewer ?? key;
    rows.push(
      `<li><span class="who">${t(name, 60)}</span> <span class="review review-${review.state.toLowerCase()}">${escapeHtml(REVIEW_WORDS[review.state] ?? review.state)}</span> ${time(input.now, review.at)}</li>`,
    );
  }
  return `<section aria-label="Reviewers"><h2>Reviewers</h2>${rows.length ? `<ul class="plain">${rows.join('')}</ul>` : '<p class="muted">Nobody is asked to review yet.</p>'}</section>`;
}

function checks(input: OverviewInput): string {
  const d = input.details;
  if (!d) return `<section aria-label="Checks"><h2>Checks</h2><p class="muted">${input.loading ? 'Loading…' : 'Not loaded.'}</p></section>`;
  if (d.checkRuns.length === 0)
    return `<section aria-label="Checks"><h2>Checks</h2><p class="muted">No check runs on the head commit.</p></section>`;
  const rows = d.checkRuns.map((run) => {
    const state =
      run.status !== 'completed'
        ? 'running'
        : run.conclusion === 'success'
          ? 'passed'
          : run.conclusion === 'neutral' || run.conclusion === 'skipped'
            ? (run.conclusion ?? 'done')
            : 'failed';
    const icon = state === 'passed' ? '✓' : state === 'failed' ? '✕' : state === 'running' ? '●' : '–';
    const link = run.url ? ` <a href="${escapeHtml(run.url)}">details</a>` : '';
    return `<li class="check check-${state}"><span class="icon" aria-hidden="true">${icon}</span> <span class="name">${t(run.name, 120)}</span> <span class="muted">${escapeHtml(state)}</span>${link}</li>`;
  });
  return `<section aria-label="Checks"><h2>Checks</h2><ul class="plain">${rows.join('')}</ul></section>`;
}

function eventText(e: TimelineEvent): string {
  switch (e.kind) {
    case 'committed':
      return `Commit <code>${escapeHtml(e.sha.slice(0, 7))}</code> ${t(e.message, 120)}`;
    case 'review-requested':
      return `${e.by ? `${t(e.by, 60)} asked` : 'Asked'} ${t(e.who, 80)} to review`;
    case 'reviewed':
      return `${t(e.who, 60)} ${e.state === 'approved' ? 'approved' : e.state === 'changes_requested' ? 'requested changes' : e.state === 'dismissed' ? 'had a review dismissed' : 'reviewed with comments'}`;
    case 'commented':
      return `${t(e.who, 60)} commented`;
    case 'ready':
      return `${e.who ? t(e.who, 60) : 'The author'} marked it ready for review`;
    case 'draft':
      return `${e.who ? t(e.who, 60) : 'The author'} turned it back into a draft`;
    case 'force-pushed':
      return `${e.who ? t(e.who, 60) : 'The author'} force-pushed the branch`;
    default:
      return `${e.who ? t(e.who, 60) : 'Someone'} ${e.kind} it`;
  }
}

function timeline(input: OverviewInput): string {
  const d = input.details;
  if (!d) return '';
  const events = d.timeline.slice(-60);
  const hidden = d.timeline.length - events.length;
  return `<section aria-label="Timeline"><h2>Timeline</h2>${
    events.length === 0
      ? '<p class="muted">No events yet.</p>'
      : `${hidden > 0 ? `<p class="muted">${hidden} earlier events not shown.</p>` : ''}<ol class="timeline">${events.map((e) => `<li class="event event-${e.kind}">${eventText(e)} ${time(input.now, e.at)}</li>`).join('')}</ol>`
  }</section>`;
}

const STATUS_LETTER: Record<string, string> = {
  added: 'A',
  removed: 'D',
  modified: 'M',
  renamed: 'R',
  copied: 'C',
  changed: 'M',
  unchanged: '·',
};

function files(input: OverviewInput): string {
  const d = input.details;
  if (!d)
    return `<section aria-label="Changed files"><h2>Changed files</h2><p class="muted">${input.loading ? 'Loading…' : 'Not loaded.'}</p></section>`;
  const rows = d.files.map(
    (f, i) =>
      `<li><span class="status status-${escapeHtml(f.status)}" title="${escapeHtml(f.status)}">${STATUS_LETTER[f.status] ?? 'M'}</span> <button class="link file" data-file="${i}" title="Open this file's diff">${t(f.path, 300)}</button>${
        f.previousPath ? ` <span class="muted">from ${t(f.previousPath, 300)}</span>` : ''
      } <span class="adds">+${f.additions}</span> <span class="dels">−${f.deletions}</span></li>`,
  );
  const truncated = d.filesTruncated
    ? '<p class="muted">GitHub lists only part of the files of a pull request this large; open it in the browser for the rest.</p>'
    : '';
  return `<section aria-label="Changed files"><h2>Changed files <span class="muted">(${d.files.length})</span></h2>${
    rows.length ? `<ul class="plain files">${rows.join('')}</ul>` : '<p class="muted">No changed files.</p>'
  }${truncated}</section>`;
}

export function renderOverviewHtml(input: OverviewInput, res: OverviewResources): string {
  const pr = input.details?.pr ?? input.pr;
  const size =
    pr.additions !== undefined && pr.deletions !== undefined
      ? ` · <span class="adds">+${pr.additions}</span> <span class="dels">−${pr.deletions}</span>${pr.changedFiles !== undefined ? ` in ${pr.changedFiles} ${pr.changedFiles === 1 ? 'file' : 'files'}` : ''}`
      : '';
  const labels = (pr.labels ?? []).length
    ? `<p class="labels">${(pr.labels ?? []).map((l) => `<span class="chip label">${t(l, 50)}</span>`).join(' ')}</p>`
    : '';
  const waited = input.item?.waitHours !== undefined ? ` · waiting ${formatHours(input.item.waitHours)} of business hours` : '';
  const notice = input.notice ? `<p class="notice" role="status">${escapeHtml(input.notice)}</p>` : '';
  const loading = input.loading ? '<p class="notice" role="status">Loading details from GitHub…</p>' : '';
  const body = pr.body.trim() ? markdown().renderMarkdown(pr.body) : '<p class="muted">No description.</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(overviewContentSecurityPolicy(res.cspSource, res.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(res.styleUri)}">
<!-- First and synchronous, so it hears every policy violation of the document. -->
<script nonce="${escapeHtml(res.nonce)}" src="${escapeHtml(res.scriptUri)}"></script>
<title>#${pr.number}</title>
</head>
<body>
<main>
<header>
<h1><span class="number">#${pr.number}</span> ${t(pr.title, 300)}</h1>
<p class="meta">${stateChip(pr)} ${proposal(pr, input.now)} in ${t(pr.repo, 120)}${size}${waited}</p>
${labels}
</header>
${actions(input)}
${notice}${loading}
${why(input)}
<section class="description" aria-label="Description"><h2>Description</h2><div class="markdown">${body}</div></section>
<div class="columns">
${reviewers(input)}
${checks(input)}
</div>
${files(input)}
${timeline(input)}
</main>
</body>
</html>`;
}
