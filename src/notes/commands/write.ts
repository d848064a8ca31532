/** Commands that write a note: quick capture, weekly reflection, 1:1 preparation, the deep-work week. */
import * as vscode from 'vscode';
import type { Clock } from '../../core/clock';
import { displayText } from '../../core/text';
import type { GitApi } from '../../git/api';
import type { NudgeApi } from '../../nudge/api';
import type { ReviewApi } from '../../review/api';
import type { NotesController } from '../controller';
import { describeLink, keepSection, oneOnOneDocument, TO_DISCUSS } from '../model/documents';
import { isoWeek, weekStart } from '../model/summaries';
import { inlineTags, quickNoteBody, weeklyReflectionBody } from '../model/templates';
import type { Note } from '../model/types';
import { currentLinks } from '../source/links';

export interface CaptureArgs {
  text?: string;
  tags?: string[];
  open?: boolean;
}

export interface WriteDeps {
  notes: NotesController;
  clock: Clock;
  git?: GitApi;
  review?: ReviewApi;
  nudges?: NudgeApi;
}

export async function capture({ notes, git, review }: WriteDeps, args?: CaptureArgs): Promise<vscode.Uri | undefined> {
  const links = currentLinks(git, review);
  const linkList = displayText(links.map(describeLink).join(', '), { maxLength: 300 });
  const text =
    args?.text ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Capture Growth Note'),
      prompt: links.length
        ? vscode.l10n.t('What did you learn or want to remember? Add #tags inline. Links: {0}', linkList)
        : vscode.l10n.t('What did you learn or want to remember? Add #tags inline.'),
      placeHolder: vscode.l10n.t('Asked "what would you try?" before suggesting a fix #giving-feedback'),
      ignoreFocusOut: true,
    }));
  if (!text?.trim()) return undefined;
  // The tags stay in the text as written (those closing the first line move under the heading).
  const body = quickNoteBody(text, args?.tags ?? []);
  const tags = [...new Set([...(args?.tags ?? []), ...inlineTags(text)])];
  return notes.create({ kind: 'note', body, tags, links, open: args?.open ?? true });
}

export function newWeeklyReflection({ notes, clock }: WriteDeps, args?: { open?: boolean }): Promise<vscode.Uri> {
  const now = new Date(clock.now());
  return notes.create({
    kind: 'weekly-reflection',
    body: weeklyReflectionBody(`week of ${weekStart(now)} (${isoWeek(now)})`),
    tags: ['reflection'],
    open: args?.open ?? true,
  });
}

/**
 * This week's note of a kind, if one exists, rewritten with `fresh` but keeping the section the
 * user writes in; otherwise a new note. One note per week, however often the command runs.
 */
async function upsertThisWeek(
  { notes, clock }: WriteDeps,
  input: { kind: Note['kind']; tag: string; fresh: string; keep: string; isOurs: (note: Note) => boolean; open: boolean },
): Promise<vscode.Uri> {
  const store = await notes.refresh();
  const week = isoWeek(new Date(clock.now()));
  const existing = store
    .allCached()
    .filter((note) => note.kind === input.kind && input.isOurs(note) && isoWeek(new Date(note.created)) === week)
    .sort((a, b) => (a.created < b.created ? 1 : -1))[0];
  if (!existing) return notes.create({ kind: input.kind, body: input.fresh, tags: [input.tag], open: input.open });
  const uri = notes.uriFor(existing.id);
  // Unsaved words in an open editor win: show them rather than overwrite them.
  if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty)) {
    await notes.open(uri);
    void vscode.window.showInformationMessage(
      vscode.l10n.t("This week's note has unsaved changes. Save it, then run the command again to refresh it."),
    );
    return uri;
  }
  const current = await store.read(existing.id);
  const body = keepSection(current.body, input.fresh, input.keep);
  if (body !== current.body) await store.save(existing.id, { body }, current.revision);
  if (input.open) await notes.open(uri);
  return uri;
}

export async function prepareOneOnOne(deps: WriteDeps, args?: { count?: number; open?: boolean }): Promise<vscode.Uri> {
  const { notes, clock } = deps;
  const count = args?.count ?? Math.max(1, vscode.workspace.getConfiguration('multiplier.notes').get<number>('oneOnOneCount', 10));
  const store = await notes.refresh();
  const recent = store.allCached().filter((note) => note.kind !== 'one-on-one');
  return upsertThisWeek(deps, {
    kind: 'one-on-one',
    tag: '1-1',
    fresh: oneOnOneDocument(recent, count, new Date(clock.now()).toISOString()),
    keep: TO_DISCUSS,
    isOurs: () => true,
    open: args?.open ?? true,
  });
}

const DEEP_WORK_TAG = 'deep-work';
const DEEP_WORK_KEEP = '## What helped, what got in the way';

/** The deep-work meter's week as a growth note: this week's note is updated, never duplicated. */
export async function addDeepWorkSummary(deps: WriteDeps, args?: { open?: boolean }): Promise<vscode.Uri | undefined> {
  const deepWork = deps.nudges?.deepWork();
  if (!deepWork) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The deep-work meter is turned off (setting {0}).', 'multiplier.deepWork.enabled'),
    );
    return undefined;
  }
  return upsertThisWeek(deps, {
    kind: 'note',
    tag: DEEP_WORK_TAG,
    fresh: deepWork.markdown,
    keep: DEEP_WORK_KEEP,
    isOurs: (note) => note.tags.includes(DEEP_WORK_TAG) && note.body.startsWith('# Deep work — week of'),
    open: args?.open ?? true,
  });
}
