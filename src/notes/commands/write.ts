/** Commands that write a new note: quick capture, weekly reflection, 1:1 preparation. */
import * as vscode from 'vscode';
import type { Clock } from '../../core/clock';
import { displayText } from '../../core/text';
import type { GitApi } from '../../git/api';
import type { ReviewApi } from '../../review/api';
import type { NotesController } from '../controller';
import { describeLink, oneOnOneDocument } from '../model/documents';
import { isoWeek, weekStart } from '../model/summaries';
import { quickNoteBody, weeklyReflectionBody } from '../model/templates';
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
}

export async function capture({ notes, git, review }: WriteDeps, args?: CaptureArgs): Promise<vscode.Uri | undefined> {
  const links = currentLinks(git, review);
  const linked = links.length ? ` Links: ${displayText(links.map(describeLink).join(', '), { maxLength: 300 })}` : '';
  const text =
    args?.text ??
    (await vscode.window.showInputBox({
      title: 'Capture Growth Note',
      prompt: `What did you learn or want to remember? Add #tags inline.${linked}`,
      placeHolder: 'Asked "what would you try?" before suggesting a fix #giving-feedback',
      ignoreFocusOut: true,
    }));
  if (!text?.trim()) return undefined;
  const inlineTags = [...text.matchAll(/(?:^|\s)#([\w-]+)/g)].map((match) => match[1] as string);
  const body = quickNoteBody(text.replace(/(?:^|\s)#[\w-]+/g, '').trim() || text);
  return notes.create({ kind: 'note', body, tags: [...(args?.tags ?? []), ...inlineTags], links, open: args?.open ?? true });
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

export async function prepareOneOnOne({ notes, clock }: WriteDeps, args?: { count?: number; open?: boolean }): Promise<vscode.Uri> {
  const count = args?.count ?? Math.max(1, vscode.workspace.getConfiguration('multiplier.notes').get<number>('oneOnOneCount', 10));
  const store = await notes.refresh();
  const recent = store.allCached().filter((note) => note.kind !== 'one-on-one');
  return notes.create({
    kind: 'one-on-one',
    body: oneOnOneDocument(recent, count, new Date(clock.now()).toISOString()),
    tags: ['1-1'],
    open: args?.open ?? true,
  });
}
