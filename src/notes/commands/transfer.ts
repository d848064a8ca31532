/** Export and import commands: a folder of note files or one Markdown document. */
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import type { Clock } from '../../core/clock';
import type { NotesController } from '../controller';
import { exportFileName } from '../model/documents';
import { exportToDocument, exportToFolder, importPaths, type ImportReport } from '../source/transfer';

type ExportFormat = 'folder' | 'document';

async function askFormat(): Promise<ExportFormat | undefined> {
  const items = [
    {
      label: vscode.l10n.t('One Markdown document'),
      detail: vscode.l10n.t('For a 1:1 or to read; can be imported again.'),
      format: 'document' as const,
    },
    {
      label: vscode.l10n.t('Folder of Markdown files'),
      detail: vscode.l10n.t('One file per note, for backups or moving machines.'),
      format: 'folder' as const,
    },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Growth Notes') }))?.format;
}

/**
 * Where an export goes unless the user picks elsewhere: the home folder, never the workspace (a
 * private journal must not sit one `git add` away from a commit), as growth-notes-YYYY-MM-DD.md.
 */
function exportDefaults(now: number, home: string): { folder: vscode.Uri; document: vscode.Uri } {
  const folder = vscode.Uri.file(home);
  return { folder, document: vscode.Uri.joinPath(folder, exportFileName(now)) };
}

async function askTarget(format: ExportFormat, now: number): Promise<string | undefined> {
  const defaults = exportDefaults(now, homedir());
  if (format === 'folder') {
    return (
      await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        openLabel: vscode.l10n.t('Export Here'),
        defaultUri: defaults.folder,
      })
    )?.[0]?.fsPath;
  }
  return (
    await vscode.window.showSaveDialog({ filters: { Markdown: ['md'] }, saveLabel: vscode.l10n.t('Export'), defaultUri: defaults.document })
  )?.fsPath;
}

export async function exportNotes(
  notes: NotesController,
  clock: Clock,
  args?: { format?: ExportFormat; target?: string },
): Promise<number | undefined> {
  const store = await notes.store();
  const format = args?.format ?? (await askFormat());
  const target = format && (args?.target ?? (await askTarget(format, clock.now())));
  if (!format || !target) return undefined;
  const count = format === 'folder' ? await exportToFolder(store, target) : await exportToDocument(store, target, new Date(clock.now()));
  if (!args?.target)
    void vscode.window.showInformationMessage(
      count === 1
        ? vscode.l10n.t('Exported 1 growth note to {0}.', target)
        : vscode.l10n.t('Exported {0} growth notes to {1}.', count, target),
    );
  return count;
}

export async function importNotes(notes: NotesController, clock: Clock, args?: { paths?: string[] }): Promise<ImportReport | undefined> {
  const paths =
    args?.paths ??
    (
      await vscode.window.showOpenDialog({
        canSelectFiles: true,
        canSelectFolders: true,
        canSelectMany: true,
        filters: { Markdown: ['md'] },
        openLabel: vscode.l10n.t('Import'),
      })
    )?.map((uri) => uri.fsPath);
  if (!paths?.length) return undefined;
  const report = await importPaths(await notes.store(), paths, new Date(clock.now()));
  const parts = [vscode.l10n.t('{0} added', report.created), vscode.l10n.t('{0} already there', report.skipped)];
  if (report.copies) parts.push(vscode.l10n.t('{0} kept beside a different note with the same id', report.copies));
  if (report.unreadable.length) parts.push(vscode.l10n.t('{0} unreadable', report.unreadable.length));
  if (report.tooLarge.length) parts.push(vscode.l10n.t('{0} over the 5 MB limit, not imported', report.tooLarge.length));
  if (!args?.paths) void vscode.window.showInformationMessage(vscode.l10n.t('Imported growth notes: {0}.', parts.join(', ')));
  return report;
}
