/**
 * The Growth Notes commands: registered at activation (../register.ts), while their handlers
 * (./index.ts) load with the notes bundle on the first one run.
 */
export const NOTES_COMMANDS = [
  'multiplier.notes.capture',
  'multiplier.notes.newWeeklyReflection',
  'multiplier.notes.prepareOneOnOne',
  'multiplier.notes.addDeepWorkSummary',
  'multiplier.notes.search',
  'multiplier.notes.open',
  'multiplier.notes.delete',
  'multiplier.notes.tag',
  'multiplier.notes.revealLink',
  'multiplier.notes.export',
  'multiplier.notes.import',
  'multiplier.notes.refresh',
] as const;

export type NotesCommand = (typeof NOTES_COMMANDS)[number];
