/**
 * The Growth Notes commands. Each accepts optional arguments so tests and other capabilities can
 * run it without UI; without them it asks through quick input.
 */
import * as vscode from 'vscode';
import type { GitEngineApi } from '../git/api';
import type { ReviewApi } from '../review/api';
import { describeLink, oneOnOneDocument } from './model/documents';
import { NoteStoreError } from './model/errors';
import { currentLinks, resolveFileLink } from './source/links';
import { isoWeek, weekStart } from './model/summaries';
import type { NotesService } from './controller';
import { quickNoteBody, weeklyReflectionBody } from './model/templates';
import { noteIdFromUri } from './model/uri';
import { exportToDocument, exportToFolder, importPaths } from './source/transfer';
import type { NotesTreeNode } from './view/tree';

type NoteTarget = NotesTreeNode | vscode.Uri | string | undefined;

export interface CaptureArgs {
  text?: string;
  tags?: string[];
  open?: boolean;
}

export function registerNoteCommands(notes: NotesService, git: GitEngineApi | undefined, review?: ReviewApi): vscode.Disposable {
  const idOf = (target: NoteTarget): string | undefined => {
    if (typeof target === 'string') return target;
    if (target instanceof vscode.Uri) return noteIdFromUri(target);
    if (target?.type === 'note') return target.note.id;
    const active = vscode.window.activeTextEditor?.document.uri;
    return active ? noteIdFromUri(active) : undefined;
  };
  const pickId = async (target: NoteTarget): Promise<string | undefined> =>
    idOf(target) ?? (await searchPick(notes, 'Choose a growth note'));
  const guarded =
    <A extends unknown[], R>(work: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R | undefined> => {
      try {
        return await work(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(error instanceof NoteStoreError ? message : `Growth notes: ${message}`);
        return undefined;
      }
    };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(
      'multiplier.notes.capture',
      guarded(async (args?: CaptureArgs) => {
        const links = currentLinks(git, review);
        const text =
          args?.text ??
          (await vscode.window.showInputBox({
            title: 'Capture Growth Note',
            prompt: `What did you learn or want to remember? Add #tags inline.${links.length ? ` Links: ${links.map(describeLink).join(', ')}` : ''}`,
            placeHolder: 'Asked "what would you try?" before suggesting a fix #giving-feedback',
            ignoreFocusOut: true,
          }));
        if (!text?.trim()) return undefined;
        const inlineTags = [...text.matchAll(/(?:^|\s)#([\w-]+)/g)].map((match) => match[1] as string);
        const body = quickNoteBody(text.replace(/(?:^|\s)#[\w-]+/g, '').trim() || text);
        return notes.create({ kind: 'note', body, tags: [...(args?.tags ?? []), ...inlineTags], links, open: args?.open ?? true });
      }),
    ),
    vscode.commands.registerCommand(
      'multiplier.notes.newWeeklyReflection',
      guarded(async (args?: { open?: boolean }) => {
        const now = new Date();
        return notes.create({
          kind: 'weekly-reflection',
          body: weeklyReflectionBody(`week of ${weekStart(now)} (${isoWeek(now)})`),
          tags: ['reflection'],
          open: args?.open ?? true,
        });
      }),
    ),
    vscode.commands.registerCommand(
      'multiplier.notes.prepareOneOnOne',
      guarded(async (args?: { count?: number; open?: boolean }) => {
        const count = args?.count ?? Math.max(1, vscode.workspace.getConfiguration('multiplier.notes').get<number>('oneOnOneCount', 10));
        const store = await notes.refresh();
        const recent = store.allCached().filter((note) => note.kind !== 'one-on-one');
        return notes.create({
          kind: 'one-on-one',
          body: oneOnOneDocument(recent, count, new Date().toISOString()),
          tags: ['1-1'],
          open: args?.open ?? true,
        });
      }),
    ),
    vscode.commands.registerCommand(
      'multiplier.notes.search',
      guarded(async () => {
        const id = await searchPick(notes, 'Search growth notes by title, #tag or text');
        if (id) await notes.open(notes.uriFor(id));
      }),
    ),
    vscode.commands.registerCommand(
      'multiplier.notes.open',
      guarded(async (target?: NoteTarget) => {
        const id = await pickId(target);
        if (id) await notes.open(notes.uriFor(id));
      }),
    ),
    vscode.commands.registerCommand(
      'multiplier.notes.delete',
      guarded(async (target?: NoteTarget, args?: { confirm?: boolean }) => {
        const id = await pickId(target);
        if (!id) return;
        const store = await notes.store();
        const title = store.list().find((note) => note.id === id)?.title ?? id;
        if (args?.confirm !== false) {
          const choice = await vscode.window.showWarningMessage(
            `Delete the growth note "${title}"?`,
            { modal: true, detail: 'It moves to the notes trash; you can undo right after.' },
            'Delete',
          );
          if (choice !== 'Delete') return;
        }
        const token = await store.remove(id);
        void vscode.window.showInformationMessage(`Deleted "${title}".`, 'Undo').then(async (choice) => {
          if (choice === 'Undo') await guarded(() => store.undoRemove(token))();
        });
        return token;
      }),
    ),
    vscode.commands.registerCommand(
      'multiplier.notes.tag',
      guarded(async (target?: NoteTarget, args?: { tags?: string[] }) => {
        const id = await pickId(target);
        if (!id) return;
        const store = await notes.store();
        const note = await store.read(id);
        const input =
          args?.tags?.join(' ') ??
          (await vscode.window.showInputBox({
            title: 'Tag Growth Note',
            prompt: 'Tags, separated by spaces or commas',
            value: note.tags.join(' '),
            placeHolder: 'testing architecture giving-feedback',
          }));
        if (input === undefined) return;
        const outcome = await store.save(id, { tags: input.split(/[\s,]+/) }, note.revision);
        if (outcome.status === 'conflict')
          void vscode.window.showWarningMessage('The note changed meanwhile; the tags were saved on a conflict copy.');
        return outcome.note.tags;
      }),
    ),
    vscode.commands.registerCommand(
      'multiplier.notes.revealLink',
      guarded(async (target?: NoteTarget) => {
        const id = await pickId(target);
        if (!id) return;
        const note = await (await notes.store()).read(id);
        if (note.links.length === 0) return void vscode.window.showInformationMessage('This note has no links.');
        const picked =
          note.links.length === 1
            ? note.links[0]
            : (
                await vscode.window.showQuickPick(
                  note.links.map((link) => ({ label: describeLink(link), link })),
                  { title: 'Reveal Linked File, Commit or PR' },
                )
              )?.link;
        if (!picked) return;
        if (picked.type === 'file') {
          const uri = resolveFileLink(picked.path);
          if (!uri) return void vscode.window.showWarningMessage(`Open a folder to reveal ${picked.path}.`);
          const line = Math.max(0, (picked.line ?? 1) - 1);
          await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0) });
        } else if (picked.type === 'commit') {
          await vscode.env.clipboard.writeText(picked.sha);
          void vscode.window.showInformationMessage(`Commit ${picked.sha.slice(0, 12)} copied to the clipboard.`);
        } else {
          await vscode.env.openExternal(vscode.Uri.parse(picked.url));
        }
      }),
    ),
    vscode.commands.registerCommand(
      'multiplier.notes.export',
      guarded(async (args?: { format?: 'folder' | 'document'; target?: string }) => {
        const store = await notes.store();
        const format =
          args?.format ??
          (
            await vscode.window.showQuickPick(
              [
                { label: 'One Markdown document', detail: 'For a 1:1 or to read; can be imported again.', format: 'document' as const },
                {
                  label: 'Folder of Markdown files',
                  detail: 'One file per note, for backups or moving machines.',
                  format: 'folder' as const,
                },
              ],
              { title: 'Export Growth Notes' },
            )
          )?.format;
        if (!format) return;
        let target = args?.target;
        if (!target && format === 'folder')
          target = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Export Here' }))?.[0]
            ?.fsPath;
        if (!target && format === 'document')
          target = (await vscode.window.showSaveDialog({ filters: { Markdown: ['md'] }, saveLabel: 'Export' }))?.fsPath;
        if (!target) return;
        const count = format === 'folder' ? await exportToFolder(store, target) : await exportToDocument(store, target);
        if (!args?.target)
          void vscode.window.showInformationMessage(`Exported ${count} growth note${count === 1 ? '' : 's'} to ${target}.`);
        return count;
      }),
    ),
    vscode.commands.registerCommand(
      'multiplier.notes.import',
      guarded(async (args?: { paths?: string[] }) => {
        const paths =
          args?.paths ??
          (
            await vscode.window.showOpenDialog({
              canSelectFiles: true,
              canSelectFolders: true,
              canSelectMany: true,
              filters: { Markdown: ['md'] },
              openLabel: 'Import',
            })
          )?.map((uri) => uri.fsPath);
        if (!paths?.length) return;
        const store = await notes.store();
        const report = await importPaths(store, paths);
        const parts = [`${report.created} added`, `${report.skipped} already there`];
        if (report.copies) parts.push(`${report.copies} kept beside a different note with the same id`);
        if (report.unreadable.length) parts.push(`${report.unreadable.length} unreadable`);
        if (!args?.paths) void vscode.window.showInformationMessage(`Imported growth notes: ${parts.join(', ')}.`);
        return report;
      }),
    ),
    vscode.commands.registerCommand(
      'multiplier.notes.refresh',
      guarded(() => notes.refresh().then(() => undefined)),
    ),
  );
}

/** A quick pick that searches as you type; resolves to the chosen note's id. */
async function searchPick(notes: NotesService, title: string): Promise<string | undefined> {
  const store = await notes.store();
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { id: string }>();
  pick.title = title;
  pick.placeholder = 'Words from the title or text, or #tag';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const update = (): void => {
    pick.items = store.search(pick.value, 100).map((note) => ({
      id: note.id,
      label: note.title,
      description: `${note.created.slice(0, 10)} ${note.tags.map((tag) => `#${tag}`).join(' ')}`,
      // Keep the items visible: VS Code's own filter must not hide body-text matches.
      alwaysShow: true,
    }));
  };
  update();
  const changed = pick.onDidChangeValue(update);
  try {
    return await new Promise<string | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]?.id));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    changed.dispose();
    pick.dispose();
  }
}
