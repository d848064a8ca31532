/**
 * Typed store errors, so the editor can keep the user's text and say exactly what went wrong.
 */

import * as l10n from '@vscode/l10n';
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

/** Translated when an error is made, after activation configured the translations. */
const MESSAGES = (): Record<NoteStoreErrorCode, string> => ({
  'disk-full': l10n.t('The disk is full. Your text is still in the editor; free some space and save again.'),
  'read-only': l10n.t('The notes folder is read-only. Your text is still in the editor; save again once it is writable.'),
  permission: l10n.t('No permission to write the notes folder. Your text is still in the editor.'),
  busy: l10n.t('Another window is writing notes right now. Your text is still in the editor; save again.'),
  'not-found': l10n.t('That note no longer exists.'),
  'too-large': l10n.t('That note is larger than the 5 MB limit.'),
  io: l10n.t('The note could not be written. Your text is still in the editor; save again.'),
});

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
  return new NoteStoreError(kind, `${MESSAGES()[kind]} (${action}: ${detail})`, error);
}
