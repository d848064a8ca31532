/**
 * Blameless retros: what counts as an incident worth one (a revert, a hotfix, a failed release),
 * the timeline git can tell about it, and the note that starts the conversation. Pure: plain
 * history in, plain data and Markdown out.
 */
import type { Commit, HistoryModel, MergedPullRequest, Release } from '../../git/api';
import { displayText } from '../../core/text';
import { isBotAuthor } from '../../core/bots';
import { BLAMELESS_QUESTIONS } from './blame';
import { DEFAULT_HOTFIX_PATTERN } from './defaults';

export type IncidentKind = 'revert' | 'hotfix' | 'failed-release';

export interface TimelineEntry {
  /** ms since the epoch. */
  at: number;
  what: string;
  commit?: string;
}

export interface RetroIncident {
  /** `<kind>:<commit or tag>`: one offer per incident, ever. */
  id: string;
  kind: IncidentKind;
  repoRoot: string;
  /** The revert or fix commit, or the release tag's commit. */
  commit: string;
  /** One line naming it: 'the revert of "Add retry to uploads"'. */
  title: string;
  /** When it landed (ms). */
  at: number;
  timeline: TimelineEntry[];
  /** People who took part (commit authors), never causes. */
  participants: string[];
}

/** A patch release this soon after the one before it says the one before it failed. */
export const FAILED_RELEASE_WINDOW_MS = 48 * 60 * 60 * 1000;

const short = (sha: string): string => sha.slice(0, 7);
const quoted = (subject: string): string => `"${displayText(subject, { maxLength: 80 })}"`;

/** The hotfix pattern from settings; an invalid one falls back to the default (and says so). */
export function hotfixMatcher(pattern: string): { test(text: string): boolean; invalid: boolean } {
  try {
    const regex = new RegExp(pattern || DEFAULT_HOTFIX_PATTERN, 'i');
    return { test: (text) => regex.test(text), invalid: false };
  } catch {
    const regex = new RegExp(DEFAULT_HOTFIX_PATTERN, 'i');
    return { test: (text) => regex.test(text), invalid: true };
  }
}

function semverParts(tag: string): [number, number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(tag);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

interface Context {
  history: HistoryModel;
  byHash: Map<string, Commit>;
  prs: Map<string, MergedPullRequest>;
}

function contextOf(history: HistoryModel): Context {
  return {
    history,
    byHash: new Map(history.commits.map((c) => [c.hash, c])),
    prs: new Map(history.pullRequests.map((p) => [p.mergeCommit, p])),
  };
}

/** The first release tagged at or after `at` and no later than `until`, oldest first. */
function releaseBetween(releases: readonly Release[], at: number, until: number): Release | undefined {
  return [...releases].filter((r) => r.date >= at && r.date <= until).sort((a, b) => a.date - b.date)[0];
}

/** First commit, merge and release of the change a commit landed. */
function landingOf(ctx: Context, commit: Commit, until: number): { entries: TimelineEntry[]; people: string[] } {
  const entries: TimelineEntry[] = [];
  const people = [commit.author.name];
  const pr = ctx.prs.get(commit.hash);
  if (pr) {
    entries.push({ at: pr.firstCommitAt, what: `first commit of pull request #${pr.number} ${quoted(pr.title)}` });
    entries.push({
      at: pr.mergedAt,
      what: `pull request #${pr.number} merged (${pr.commitCount} commits, ${pr.linesChanged} lines)`,
      commit: pr.mergeCommit,
    });
    const author = ctx.history.commits.find((c) => c.author.email === pr.authorEmail);
    if (author) people.push(author.author.name);
  } else {
    entries.push({ at: commit.author.time, what: `change written: ${quoted(commit.subject)}`, commit: commit.hash });
    if (commit.committer.time !== commit.author.time)
      entries.push({ at: commit.committer.time, what: `change landed: ${quoted(commit.subject)}`, commit: commit.hash });
  }
  const release = releaseBetween(ctx.history.releases, commit.committer.time, until);
  if (release)
    entries.push({
      at: release.date,
      what: `released as ${displayText(release.tag, { maxLength: 60 })} (the first tag after it landed)`,
      commit: release.commit,
    });
  return { entries, people };
}

function participantsOf(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = displayText(raw, { maxLength: 60 });
    if (name === '' || isBotAuthor(name, '') || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/**
 * Incidents among `fresh` (the commits new since the last look, by hash) and among releases not
 * seen before. A revert is one; a commit whose subject or merged branch matches the hotfix pattern
 * is one; a patch release within two days of the one before it marks that one as failed.
 */
export function findIncidents(
  history: HistoryModel,
  fresh: ReadonlySet<string>,
  newReleases: ReadonlySet<string>,
  hotfix: { test(text: string): boolean },
): RetroIncident[] {
  const ctx = contextOf(history);
  const out: RetroIncident[] = [];
  const reverts = new Set<string>();
  for (const revert of history.reverts) {
    if (!fresh.has(revert.revertCommit)) continue;
    const commit = ctx.byHash.get(revert.revertCommit);
    if (!commit) continue;
    reverts.add(commit.hash);
    const original = ctx.byHash.get(revert.revertedCommit);
    const entries: TimelineEntry[] = [];
    const people = [commit.author.name];
    if (original) {
      const landing = landingOf(ctx, original, revert.revertedAt);
      entries.push(...landing.entries);
      people.push(...landing.people);
    }
    entries.push({ at: revert.revertedAt, what: `reverted: ${quoted(commit.subject)}`, commit: commit.hash });
    const subject = original?.subject ?? /^Revert "(.*)"$/.exec(commit.subject)?.[1] ?? short(revert.revertedCommit);
    out.push({
      id: `revert:${commit.hash}`,
      kind: 'revert',
      repoRoot: history.repoRoot,
      commit: commit.hash,
      title: `the revert of ${quoted(subject)}`,
      at: revert.revertedAt,
      timeline: entries.sort((a, b) => a.at - b.at),
      participants: participantsOf(people),
    });
  }
  for (const commit of history.commits) {
    if (!fresh.has(commit.hash) || reverts.has(commit.hash)) continue;
    const pr = ctx.prs.get(commit.hash);
    if (!hotfix.test(commit.subject) && !(pr?.sourceBranch && hotfix.test(pr.sourceBranch))) continue;
    const landing = landingOf(ctx, commit, commit.committer.time);
    out.push({
      id: `hotfix:${commit.hash}`,
      kind: 'hotfix',
      repoRoot: history.repoRoot,
      commit: commit.hash,
      title: `the hotfix ${quoted(pr?.title ?? commit.subject)}`,
      at: commit.committer.time,
      timeline: [...landing.entries.map((e) => ({ ...e, what: `hotfix ${e.what}` }))].sort((a, b) => a.at - b.at),
      participants: participantsOf(landing.people),
    });
  }
  const releases = [...history.releases].sort((a, b) => a.date - b.date);
  for (let i = 1; i < releases.length; i++) {
    const release = releases[i];
    const previous = releases[i - 1];
    if (!newReleases.has(release.tag)) continue;
    const [a, b] = [semverParts(previous.tag), semverParts(release.tag)];
    if (!a || !b || a[0] !== b[0] || a[1] !== b[1] || b[2] <= a[2]) continue;
    if (release.date - previous.date > FAILED_RELEASE_WINDOW_MS) continue;
    const fixes = history.commits.filter((c) => c.committer.time > previous.date && c.committer.time <= release.date);
    out.push({
      id: `failed-release:${previous.tag}`,
      kind: 'failed-release',
      repoRoot: history.repoRoot,
      commit: release.commit,
      title: `release ${displayText(previous.tag, { maxLength: 40 })}, followed by ${displayText(release.tag, { maxLength: 40 })} within two days`,
      at: release.date,
      timeline: [
        { at: previous.date, what: `released as ${displayText(previous.tag, { maxLength: 40 })}`, commit: previous.commit },
        ...fixes.map((c) => ({ at: c.committer.time, what: `fix landed: ${quoted(c.subject)}`, commit: c.hash })),
        { at: release.date, what: `patch release ${displayText(release.tag, { maxLength: 40 })}`, commit: release.commit },
      ].sort((x, y) => x.at - y.at),
      participants: participantsOf(fixes.map((c) => c.author.name)),
    });
  }
  return out;
}

/** Commit hashes newer than `lastTip` (newest first, as the history lists them); undefined when `lastTip` is gone. */
export function commitsSince(history: HistoryModel, lastTip: string): Set<string> | undefined {
  const index = history.commits.findIndex((c) => c.hash === lastTip);
  if (index < 0) return undefined;
  return new Set(history.commits.slice(0, index).map((c) => c.hash));
}

/** Markdown-inert: a name or subject from git cannot become a link, an image or emphasis. */
function inert(text: string): string {
  return text.replace(/[\\`*_[\]<>#|!~]/g, (c) => `\\${c}`);
}

function utc(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const PEOPLE_HEADING = '## People involved';

/** The retro note: timeline from git, participants, the four blameless questions. */
export function retroNoteBody(incident: RetroIncident | undefined): string {
  const lines = [`# Retro: ${inert(incident?.title ?? 'what happened')}`, ''];
  lines.push(
    'Blameless: we look for what made this easy to happen, not for who did it. Everyone listed below acted on what they knew at the time.',
    '',
  );
  lines.push('## Timeline (from git)', '');
  if (incident && incident.timeline.length > 0) {
    for (const entry of incident.timeline)
      lines.push(`- ${utc(entry.at)}: ${inert(entry.what)}${entry.commit ? ` (${short(entry.commit)})` : ''}`);
  } else lines.push('- ');
  lines.push('', PEOPLE_HEADING, '');
  lines.push('Participants, not causes.', '');
  if (incident && incident.participants.length > 0) for (const name of incident.participants) lines.push(`- ${inert(name)}`);
  else lines.push('- ');
  for (const question of BLAMELESS_QUESTIONS) lines.push('', `## ${question}`, '', '- ');
  return `${lines.join('\n')}\n`;
}

/** The participants listed in a retro note's "People involved" section, for the blame check. */
export function participantsInNote(body: string): string[] {
  const start = body.indexOf(`${PEOPLE_HEADING}\n`);
  if (start < 0) return [];
  const rest = body.slice(start + PEOPLE_HEADING.length + 1);
  const end = rest.search(/^#{1,6}\s/m);
  return (end < 0 ? rest : rest.slice(0, end))
    .split('\n')
    .map((l) => /^\s*[-*]\s+(.+?)\s*$/.exec(l)?.[1]?.replace(/\\(.)/g, '$1') ?? '')
    .filter((n) => n !== '');
}
