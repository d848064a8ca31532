/**
 * The PR overview's HTML: title, author, state, labels, why it is in the queue and each hygiene
 * flag with what to do, the description, reviewers, checks, the timeline and the changed files,
 * with the actions on top. Every string from GitHub is cleaned (displayText) and escaped; the
 * description goes through the Markdown sanitiser. Strict policy: our own script by nonce, our
 * own stylesheet, no inline style, no remote image. Pure: no `vscode` import.
 */
import * as l10n from '@vscode/l10n';
import { escapeHtml, fillHtml, pageLanguage } from '../../../core/html';
import { displayText } from '../../../core/text';
import { FLAG_GUIDE, formatHours } from '../../policy/hygiene';
import type { PullDetails, TimelineEvent } from '../../model/pullDetails';
import { sameLogin, type PullRequest } from '../../model/pullRequest';
import type { QueueItem } from '../../model/queue';
import { GROUP_TEXT } from '../groupText';
import { translatedTable } from '../../../core/translatedTable';
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
  /** The words capability's description check is at hand. */
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
  if (minutes < 1) return l10n.t('just now');
  if (minutes < 60) return l10n.t('{0} min ago', minutes);
  const hours = Math.round(minutes / 60);
  if (hours < 48) return l10n.t('{0} h ago', hours);
  return l10n.t('{0} days ago', Math.round(hours / 24));
}

function time(now: number, at: number): string {
  return `<time datetime="${new Date(at).toISOString()}" title="${new Date(at).toISOString().replace('T', ' ').slice(0, 16)} UTC">${escapeHtml(ago(now, at))}</time>`;
}

function button(action: OverviewAction, label: string, title: string, secondary = true): { action: OverviewAction; html: string } {
  return {
    action,
    html: `<button class="${secondary ? 'secondary' : 'primary'}" data-action="${action}" title="${escapeHtml(title)}">${escapeHtml(label)}</button>`,
  };
}

function stateChip(pr: PullRequest): string {
  const state = pr.state === 'merged' ? 'merged' : pr.state === 'closed' ? 'closed' : pr.draft ? 'draft' : 'open';
  const word = { merged: l10n.t('Merged'), closed: l10n.t('Closed'), draft: l10n.t('Draft'), open: l10n.t('Open') }[state];
  return `<span class="chip state state-${state}">${escapeHtml(word)}</span>`;
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

/** Who asked to merge what into what, in which repository; for a merged pull request, who merged it and when. */
function proposal(pr: PullRequest, now: number): string {
  const head = `<code>${t(pr.headRef, 120)}</code>`;
  const base = `<code>${t(pr.baseRef, 120)}</code>`;
  const repo = t(pr.repo, 120);
  if (pr.state === 'merged') {
    const who = `<span class="who">${t(pr.mergedBy ?? pr.author, 60)}</span>`;
    return pr.mergedAt !== undefined
      ? fillHtml(l10n.t('{0} merged {1} into {2} in {3} {4}'), who, head, base, repo, time(now, pr.mergedAt))
      : fillHtml(l10n.t('{0} merged {1} into {2} in {3}'), who, head, base, repo);
  }
  const author = `<span class="who">${t(pr.author, 60)}</span>`;
  if (pr.state === 'closed')
    return fillHtml(l10n.t('{0} asked to merge {1} into {2} in {3} (closed without merging)'), author, head, base, repo);
  return fillHtml(l10n.t('{0} wants to merge {1} into {2} in {3}'), author, head, base, repo);
}

function actions(input: OverviewInput): string {
  const offered = new Set(actionsFor(input));
  const buttons = [
    button('openChanges', l10n.t('Open Changes'), l10n.t('All changed files in the multi-file diff editor, without checking out'), false),
    button('checkout', l10n.t('Check Out'), l10n.t("Check out the pull request's branch in this workspace")),
    button('openInBrowser', l10n.t('Open in Browser'), l10n.t('Open the pull request on GitHub')),
  ];
  if (input.prExtension)
    buttons.push(
      button('openInPullRequests', l10n.t('Open in GitHub Pull Requests'), l10n.t('Open it in the GitHub Pull Requests extension')),
    );
  buttons.push(
    button('copyQuestion', l10n.t('Copy a question for the author'), l10n.t('An open question about the change, ready to paste')),
    button('snooze', l10n.t('Snooze…'), l10n.t('Hide it from the queue for a while')),
    input.pinned
      ? button('unpin', l10n.t('Unpin'), l10n.t('Stop keeping it at the top of the queue'))
      : button('pin', l10n.t('Pin to top'), l10n.t('Keep it at the top of the queue')),
  );
  if (input.checkDescription)
    buttons.push(button('checkDescription', l10n.t('Check description'), l10n.t('Check the description for its why and its tone')));
  buttons.push(button('refresh', l10n.t('Refresh'), l10n.t('Fetch the latest details')));
  const shown = buttons.filter((b) => offered.has(b.action)).map((b) => b.html);
  return `<nav class="actions" aria-label="${escapeHtml(l10n.t('Actions'))}">${shown.join('')}</nav>`;
}

function why(input: OverviewInput): string {
  const item = input.item;
  const heading = escapeHtml(l10n.t('Why it is here'));
  if (!item) {
    const state = (input.details?.pr ?? input.pr).state;
    const reason =
      state === 'merged'
        ? l10n.t('It is merged: opened to look back at it, for example from Team Health. Nothing here waits on you.')
        : state === 'closed'
          ? l10n.t('It was closed without merging. Nothing here waits on you.')
          : l10n.t('It is not in your queue right now.');
    return `<section><h2>${heading}</h2><p class="muted">${escapeHtml(reason)}</p></section>`;
  }
  const group = item.snoozed ? GROUP_TEXT.snoozed : GROUP_TEXT[item.group];
  const rank = item.ranked
    ? `<p class="muted">${escapeHtml(
        l10n.t(
          'Rank score {0} = wait {1} + size {2} + blocks {3} + asked {4}. Waits count business hours only.',
          Math.round(item.ranked.score),
          Math.round(item.ranked.parts.wait),
          item.ranked.parts.size,
          item.ranked.parts.blocks,
          item.ranked.parts.asked,
        ),
      )}</p>`
    : '';
  const flags =
    item.flags.length === 0
      ? `<p class="muted">${escapeHtml(l10n.t('No hygiene flags.'))}</p>`
      : `<ul class="flags">${item.flags
          .map(
            (f) =>
              `<li><span class="flag">${escapeHtml(f.label)}</span> <span class="advice">${escapeHtml(FLAG_GUIDE[f.id].advice)}</span></li>`,
          )
          .join('')}</ul>`;
  return `<section class="why" aria-label="${heading}">
<h2>${heading}</h2>
<p><strong>${escapeHtml(group.label)}</strong> <span class="muted">· ${escapeHtml(group.why)}</span></p>
<p class="reason">${escapeHtml(item.reason)}</p>
${rank}
<h3>${escapeHtml(l10n.t('Hygiene'))}</h3>
${flags}
</section>`;
}

const REVIEW_WORDS = translatedTable<string, string>(() => ({
  APPROVED: l10n.t('✓ Approved'),
  CHANGES_REQUESTED: l10n.t('✕ Changes requested'),
  COMMENTED: l10n.t('Commented'),
  DISMISSED: l10n.t('Dismissed'),
}));

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
      `<li><span class="who">${t(who, 60)}</span> <span class="muted">${escapeHtml(review ? l10n.t('requested, earlier: {0}', REVIEW_WORDS[review.state] ?? review.state) : l10n.t('requested, no review yet'))}</span></li>`,
    );
  }
  for (const team of pr.requestedTeams)
    rows.push(
      `<li><span class="who">${t(team, 80)}</span> <span class="muted">${escapeHtml(l10n.t('team requested, no review yet'))}</span></li>`,
    );
  for (const [key, review] of latest) {
    if (seen.has(key)) continue;
    const name = pr.reviews.find((r) => r.reviewer.toLowerCase() === key)?.reviewer ?? key;
    rows.push(
      `<li><span class="who">${t(name, 60)}</span> <span class="review review-${escapeHtml(review.state.toLowerCase())}">${escapeHtml(REVIEW_WORDS[review.state] ?? review.state)}</span> ${time(input.now, review.at)}</li>`,
    );
  }
  const heading = escapeHtml(l10n.t('Reviewers'));
  const none = `<p class="muted">${escapeHtml(l10n.t('Nobody is asked to review yet.'))}</p>`;
  return `<section aria-label="${heading}"><h2>${heading}</h2>${rows.length ? `<ul class="plain">${rows.join('')}</ul>` : none}</section>`;
}

function notLoaded(loading: boolean): string {
  return escapeHtml(loading ? l10n.t('Loading…') : l10n.t('Not loaded.'));
}

const CHECK_WORDS = translatedTable<string, string>(() => ({
  running: l10n.t('running'),
  passed: l10n.t('passed'),
  failed: l10n.t('failed'),
  skipped: l10n.t('skipped'),
  neutral: l10n.t('neutral'),
}));

function checks(input: OverviewInput): string {
  const d = input.details;
  const heading = escapeHtml(l10n.t('Checks'));
  if (!d) return `<section aria-label="${heading}"><h2>${heading}</h2><p class="muted">${notLoaded(input.loading)}</p></section>`;
  if (d.checkRuns.length === 0)
    return `<section aria-label="${heading}"><h2>${heading}</h2><p class="muted">${escapeHtml(l10n.t('No check runs on the head commit.'))}</p></section>`;
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
    const link = run.url ? ` <a href="${escapeHtml(run.url)}">${escapeHtml(l10n.t('details'))}</a>` : '';
    return `<li class="check check-${state}"><span class="icon" aria-hidden="true">${icon}</span> <span class="name">${t(run.name, 120)}</span> <span class="muted">${escapeHtml(CHECK_WORDS[state] ?? state)}</span>${link}</li>`;
  });
  return `<section aria-label="${heading}"><h2>${heading}</h2><ul class="plain">${rows.join('')}</ul></section>`;
}

function eventText(e: TimelineEvent): string {
  switch (e.kind) {
    case 'committed':
      return fillHtml(l10n.t('Commit {0} {1}'), `<code>${escapeHtml(e.sha.slice(0, 7))}</code>`, t(e.message, 120));
    case 'review-requested':
      return e.by
        ? fillHtml(l10n.t('{0} asked {1} to review'), t(e.by, 60), t(e.who, 80))
        : fillHtml(l10n.t('Asked {0} to review'), t(e.who, 80));
    case 'reviewed':
      return fillHtml(
        e.state === 'approved'
          ? l10n.t('{0} approved')
          : e.state === 'changes_requested'
            ? l10n.t('{0} requested changes')
            : e.state === 'dismissed'
              ? l10n.t('{0} had a review dismissed')
              : l10n.t('{0} reviewed with comments'),
        t(e.who, 60),
      );
    case 'commented':
      return fillHtml(l10n.t('{0} commented'), t(e.who, 60));
    case 'ready':
      return e.who
        ? fillHtml(l10n.t('{0} marked it ready for review'), t(e.who, 60))
        : escapeHtml(l10n.t('The author marked it ready for review'));
    case 'draft':
      return e.who
        ? fillHtml(l10n.t('{0} turned it back into a draft'), t(e.who, 60))
        : escapeHtml(l10n.t('The author turned it back into a draft'));
    case 'force-pushed':
      return e.who
        ? fillHtml(l10n.t('{0} force-pushed the branch'), t(e.who, 60))
        : escapeHtml(l10n.t('The author force-pushed the branch'));
    case 'merged':
      return e.who ? fillHtml(l10n.t('{0} merged it'), t(e.who, 60)) : escapeHtml(l10n.t('It was merged'));
    case 'closed':
      return e.who ? fillHtml(l10n.t('{0} closed it'), t(e.who, 60)) : escapeHtml(l10n.t('It was closed'));
    case 'reopened':
      return e.who ? fillHtml(l10n.t('{0} reopened it'), t(e.who, 60)) : escapeHtml(l10n.t('It was reopened'));
    default: {
      // A kind GitHub added after this was written: its own word, in English.
      const later = e as { kind: string; who?: string };
      return fillHtml(l10n.t('{0} {1} it'), later.who ? t(later.who, 60) : escapeHtml(l10n.t('Someone')), escapeHtml(later.kind));
    }
  }
}

/** GitHub records a merge as two events, "merged" and "closed", at the same moment: show the merge alone. */
function withoutCloseOfMerge(events: readonly TimelineEvent[]): TimelineEvent[] {
  const merges = events.filter((e) => e.kind === 'merged').map((e) => e.at);
  return events.filter((e) => e.kind !== 'closed' || !merges.some((at) => Math.abs(at - e.at) <= 60_000));
}

function timeline(input: OverviewInput): string {
  const d = input.details;
  if (!d) return '';
  const all = withoutCloseOfMerge(d.timeline);
  const events = all.slice(-60);
  const hidden = all.length - events.length;
  const heading = escapeHtml(l10n.t('Timeline'));
  return `<section aria-label="${heading}"><h2>${heading}</h2>${
    events.length === 0
      ? `<p class="muted">${escapeHtml(l10n.t('No events yet.'))}</p>`
      : `${hidden > 0 ? `<p class="muted">${escapeHtml(l10n.t('{0} earlier events not shown.', hidden))}</p>` : ''}<ol class="timeline">${events.map((e) => `<li class="event event-${e.kind}">${eventText(e)} ${time(input.now, e.at)}</li>`).join('')}</ol>`
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
  const heading = escapeHtml(l10n.t('Changed files'));
  if (!d) return `<section aria-label="${heading}"><h2>${heading}</h2><p class="muted">${notLoaded(input.loading)}</p></section>`;
  const open = escapeHtml(l10n.t("Open this file's diff"));
  const rows = d.files.map(
    (f, i) =>
      `<li><span class="status status-${escapeHtml(f.status)}" title="${escapeHtml(f.status)}">${STATUS_LETTER[f.status] ?? 'M'}</span> <button class="link file" data-file="${i}" title="${open}">${t(f.path, 300)}</button>${
        f.previousPath ? ` <span class="muted">${fillHtml(l10n.t('from {0}'), t(f.previousPath, 300))}</span>` : ''
      } <span class="adds">+${f.additions}</span> <span class="dels">−${f.deletions}</span></li>`,
  );
  const truncated = d.filesTruncated
    ? `<p class="muted">${escapeHtml(l10n.t('GitHub lists only part of the files of a pull request this large; open it in the browser for the rest.'))}</p>`
    : '';
  return `<section aria-label="${heading}"><h2>${heading} <span class="muted">(${d.files.length})</span></h2>${
    rows.length ? `<ul class="plain files">${rows.join('')}</ul>` : `<p class="muted">${escapeHtml(l10n.t('No changed files.'))}</p>`
  }${truncated}</section>`;
}

export function renderOverviewHtml(input: OverviewInput, res: OverviewResources): string {
  const pr = input.details?.pr ?? input.pr;
  const size =
    pr.additions !== undefined && pr.deletions !== undefined
      ? ` · <span class="adds">+${pr.additions}</span> <span class="dels">−${pr.deletions}</span>${pr.changedFiles !== undefined ? ` ${escapeHtml(pr.changedFiles === 1 ? l10n.t('in 1 file') : l10n.t('in {0} files', pr.changedFiles))}` : ''}`
      : '';
  const labels = (pr.labels ?? []).length
    ? `<p class="labels">${(pr.labels ?? []).map((l) => `<span class="chip label">${t(l, 50)}</span>`).join(' ')}</p>`
    : '';
  const waited =
    input.item?.waitHours !== undefined
      ? ` · ${escapeHtml(l10n.t('waiting {0} of business hours', formatHours(input.item.waitHours)))}`
      : '';
  const notice = input.notice ? `<p class="notice" role="status">${escapeHtml(input.notice)}</p>` : '';
  const loading = input.loading ? `<p class="notice" role="status">${escapeHtml(l10n.t('Loading details from GitHub…'))}</p>` : '';
  const body = pr.body.trim() ? markdown().renderMarkdown(pr.body) : `<p class="muted">${escapeHtml(l10n.t('No description.'))}</p>`;
  const description = escapeHtml(l10n.t('Description'));
  return `<!DOCTYPE html>
<html lang="${pageLanguage()}">
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
<p class="meta">${stateChip(pr)} ${proposal(pr, input.now)}${size}${waited}</p>
${labels}
</header>
${actions(input)}
${notice}${loading}
${why(input)}
<section class="description" aria-label="${description}"><h2>${description}</h2><div class="markdown">${body}</div></section>
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
