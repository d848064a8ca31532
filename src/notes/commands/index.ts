/**
 * The Growth Notes commands, as one table (their ids in ./ids.ts). Each accepts optional arguments
 * so tests and other capabilities can run it without UI; without them it asks through quick input.
 */
import type { CommandTable } from '../../core/vscode/commands';
import type { NotesCommand } from './ids';
import { open, remove, revealLink, search, tag } from './manage';
import { guarded, type NoteTarget } from './shared';
import { exportNotes, importNotes } from './transfer';
import { addDeepWorkSummary, capture, newWeeklyReflection, prepareOneOnOne, type CaptureArgs, type WriteDeps } from './write';

export function notesCommands(deps: WriteDeps): Record<NotesCommand, CommandTable[string]> {
  const { notes, clock } = deps;
  return {
    'multiplier.notes.capture': guarded((args?: CaptureArgs) => capture(deps, args)),
    'multiplier.notes.newWeeklyReflection': guarded(async (args?: { open?: boolean }) => newWeeklyReflection(deps, args)),
    'multiplier.notes.prepareOneOnOne': guarded((args?: { count?: number; open?: boolean }) => prepareOneOnOne(deps, args)),
    'multiplier.notes.addDeepWorkSummary': guarded((args?: { open?: boolean }) => addDeepWorkSummary(deps, args)),
    'multiplier.notes.search': guarded(() => search(notes)),
    'multiplier.notes.open': guarded((target?: NoteTarget) => open(notes, target)),
    'multiplier.notes.delete': guarded((target?: NoteTarget, args?: { confirm?: boolean }) => remove(notes, target, args)),
    'multiplier.notes.tag': guarded((target?: NoteTarget, args?: { tags?: string[] }) => tag(notes, target, args)),
    'multiplier.notes.revealLink': guarded((target?: NoteTarget) => revealLink(notes, target)),
    'multiplier.notes.export': guarded((args?: { format?: 'folder' | 'document'; target?: string }) => exportNotes(notes, clock, args)),
    'multiplier.notes.import': guarded((args?: { paths?: string[] }) => importNotes(notes, clock, args)),
    'multiplier.notes.refresh': guarded(() => notes.refresh().then(() => undefined)),
  };
}
