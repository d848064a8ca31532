/**
 * Typed store errors, so the editor can keep the user's text and say exactly what went wrong.
 */
export type NoteStoreErrorCode = 'disk-full' | 'read-only' | 'permission' | 'busy' | 'not-found' | 'too-large' | 'io';

export class NoteStoreError extends Error {
  constructor(
    readonly code: NoteStoreErrorCode,
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'NoteStoreError';
  }

  /** True when trying again later can succeed (space freed, lock released, permissions fixed). */
  get retryable(): boolean {
    return this.code !== 'not-found' && this.code !== 'too-large';
  }
}

const MESSAGES: Record<NoteStoreErrorCode, string> = {
  'disk-full': 'The disk is full. Your text is still in the editor; free some space and save again.',
  'read-only': 'The notes folder is read-only. Your text is still in the editor; save again once it is writable.',
  permission: 'No permission to write the notes folder. Your text is still in the editor.',
  busy: 'Another window is writing notes right now. Your text is still in the editor; save again.',
  'not-found': 'That note no longer exists.',
  'too-large': 'That note is larger than the 5 MB limit.',
  io: 'The note could not be written. Your text is still in the editor; save again.',
};

/** Maps a Node file-system error to a store error with a message a person can act on. */
export function toStoreError(error: unknown, action: string): NoteStoreError {
  if (error instanceof NoteStoreError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const kind: NoteStoreErrorCode =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'disk-full'
      : code === 'EROFS'
        ? 'read-only'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission'
          : code === 'ENOENT'
            ? 'not-found'
            : 'io';
  const detail = error instanceof Error ? error.message : String(error);
  return new NoteStoreError(kind, `${MESSAGES[kind]} (${action}: ${detail})`, error);
}
