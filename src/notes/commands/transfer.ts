/** Export and import commands: a folder of note files or one Markdown document. */
import * as vscode from 'vscode';
import type { Clock } from '../../core/clock';
import type { NotesController } from '../controller';
import { exportToDocument, exportToFolder, importPaths, type ImportReport } from '../source/transfer';

type ExportFormat = 'folder' | 'document';

async function askFormat(): Promise<ExportFormat | undefined> {
  const items = [
    { label: 'One Markdown document', detail: 'For a 1:1 or to read; can be imported again.', format: 'document' as const },
    { label: 'Folder of Markdown files', detail: 'One file per note, for backups or moving machines.', format: 'folder' as const },
  ];
  return (await vscode.window.showQuickPick(items, { title: 'Export Growth Notes' }))?.format;
}

async function askTarget(format: ExportFormat): Promise<string | undefined> {
  if (format === 'folder') {
    return (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Export Here' }))?.[0]?.fsPath;
  }
  return (await vscode.window.showSaveDialog({ filters: { Markdown: ['md'] }, saveLabel: 'Export' }))?.fsPath;
}

export async function exportNotes(
  notes: NotesController,
  clock: Clock,
  args?: { format?: ExportFormat; target?: string },
): Promise<number | undefined> {
  const store = await notes.store();
  const format = args?.format ?? (await askFormat());
  const target = format && (args?.target ?? (await askTarget(format)));
  if (!format || !target) return undefined;
  const count = format === 'folder' ? await exportToFolder(store, target) : await exportToDocument(store, target, new Date(clock.now()));
  if (!args?.target) void vscode.window.showInformationMessage(`Exported ${count} growth note${count === 1 ? '' : 's'} to ${target}.`);
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
        openLabel: 'Import',
      })
    )?.map((uri) => uri.fsPath);
  if (!paths?.length) return undefined;
  const report = await importPaths(await notes.store(), paths, new Date(clock.now()));
  const parts = [`${report.created} added`, `${report.skipped} already there`];
  if (report.copies) parts.push(`${report.copies} kept beside a different note with the same id`);
  if (report.unreadable.length) parts.push(`${report.unreadable.length} unreadable`);
  if (report.tooLarge.length) parts.push(vscode.l10n.t('{0} over the 5 MB limit, not imported', report.tooLarge.length));
  if (!args?.paths) void vscode.window.showInformationMessage(`Imported growth notes: ${parts.join(', ')}.`);
  return report;
}
