/**
 * The overview's "Check description": which text is checked, at which change size, and what the
 * user is told about the words capability's findings (nothing to check, nothing found, or one
 * quick-pick row per finding). Pure: the editor side only shows what this decides.
 */
import * as l10n from '@vscode/l10n';
import { displayText } from '../../core/text';
import type { ChangeSize, DescriptionFinding } from '../../words/api';
import type { PullDetails } from '../model/pullDetails';
import { linesChanged, type PullRequest } from '../model/pullRequest';
import { meaningfulDescription } from './hygiene';

export type FindingKind = 'why' | 'tone';
const KIND_ORDER: readonly FindingKind[] = ['why', 'tone'];

export interface FindingItem {
  kind: FindingKind;
  /** The kind in words ("why", "tone"), heading its group of rows. */
  kindLabel: string;
  /** The finding's message, after an icon that tells the kinds apart at a glance. */
  label: string;
  /** The words of the description it is about, quoted. */
  detail: string;
}

export type DescriptionCheckOutcome =
  { kind: 'empty'; message: string } | { kind: 'clean'; message: string } | { kind: 'findings'; title: string; items: FindingItem[] };

/** What is checked: the description without what a template leaves behind; empty when nothing is left. */
export function descriptionToCheck(pr: Pick<PullRequest, 'body'>): string {
  return meaningfulDescription(pr.body);
}

/**
 * The change the description speaks for, from the pull request GitHub sent (its counts cover every
 * file) or else the loaded file list when it is complete; undefined when neither says.
 */
export function changeSizeOf(pr: PullRequest, details?: PullDetails): ChangeSize | undefined {
  const complete = details && !details.filesTruncated ? details.files : undefined;
  const files = pr.changedFiles ?? complete?.length;
  const lines = linesChanged(pr) ?? complete?.reduce((n, f) => n + f.additions + f.deletions, 0);
  return files === undefined || lines === undefined ? undefined : { files, lines };
}

const EXCERPT_CONTEXT = 40;

function wordStartAfter(text: string, at: number, limit: number): number {
  const space = text.slice(at, limit).search(/\s/);
  return space < 0 ? at : at + space + 1;
}

function wordEndBefore(text: string, at: number, limit: number): number {
  const space = text.slice(limit, at).search(/\s\S*$/);
  return space < 0 ? at : limit + space;
}

/** The finding's words with a little of the sentence around them, on one line, quoted. */
export function excerpt(text: string, finding: Pick<DescriptionFinding, 'start' | 'end'>): string {
  const lineStart = text.lastIndexOf('\n', Math.max(0, finding.start - 1)) + 1;
  const lineEndAt = text.indexOf('\n', finding.end);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  let from = Math.max(lineStart, finding.start - EXCERPT_CONTEXT);
  let to = Math.min(lineEnd, Math.max(finding.end, finding.start + 1) + EXCERPT_CONTEXT);
  // Cut between words, never inside one.
  if (from > lineStart) from = wordStartAfter(text, from, finding.start);
  if (to < lineEnd) to = wordEndBefore(text, to, finding.end);
  const words = displayText(text.slice(from, to), { maxLength: 160 });
  return `“${from > lineStart ? '…' : ''}${words}${to < lineEnd ? '…' : ''}”`;
}

/** Quick-pick text renders `$(name)` as an icon: the description's own words stay words. */
const withoutIcons = (text: string) => text.replace(/\$\(/g, '\\$(');

function kindOf(finding: DescriptionFinding): FindingKind {
  return finding.rule === 'missing-why' ? 'why' : 'tone';
}

function item(text: string, finding: DescriptionFinding): FindingItem {
  const kind = kindOf(finding);
  return {
    kind,
    kindLabel: kind === 'why' ? l10n.t('why') : l10n.t('tone'),
    label: `${kind === 'why' ? '$(question)' : '$(warning)'} ${withoutIcons(finding.message)}`,
    detail: withoutIcons(excerpt(text, finding)),
  };
}

/** What to tell the user about the check of `text`, the description of `pr` (an empty one is never checked). */
export function descriptionCheckOutcome(
  pr: Pick<PullRequest, 'number' | 'title'>,
  text: string,
  findings: readonly DescriptionFinding[],
): DescriptionCheckOutcome {
  if (text.trim() === '') return { kind: 'empty', message: l10n.t('#{0} has no description to check.', pr.number) };
  if (findings.length === 0)
    return {
      kind: 'clean',
      message: l10n.t('The description of #{0} says why, and its tone reads well.', pr.number),
    };
  const title = displayText(pr.title, { maxLength: 60 });
  return {
    kind: 'findings',
    title:
      findings.length === 1
        ? l10n.t('#{0} {1}: 1 finding in its description', pr.number, title)
        : l10n.t('#{0} {1}: {2} findings in its description', pr.number, title, findings.length),
    // The why first, then tone in text order: each kind is one group under its heading.
    items: findings.map((f) => item(text, f)).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)),
  };
}
