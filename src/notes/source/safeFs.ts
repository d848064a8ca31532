/**
 * File access for the notes store and imports that never follows a symbolic link and never reads
 * anything but a regular file (a folder, a FIFO or a device named like a note is not a note), and
 * paths that cannot leave their folder.
 */
import { constants, promises as fs, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { NoteStoreError } from '../model/errors';

/** O_NOFOLLOW where the platform has it (not Windows: there a link is caught by lstat first). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
/** A FIFO named `x.md` must not block the open. It does not change how regular files read. */
const NON_BLOCK = constants.O_NONBLOCK ?? 0;

export type RegularFile =
  | { state: 'ok'; bytes: Buffer; stat: Stats }
  | { state: 'missing' }
  /** A link, a folder or another special file; or bigger than allowed (bytes not read). */
  | { state: 'not-a-file'; what: string }
  | { state: 'too-large'; size: number };

/** What an entry is, in words for a message: "a folder", "a link", … */
export function describeEntry(stat: Stats): string {
  if (stat.isSymbolicLink()) return 'a link';
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFile()) return 'a file';
  return 'a special file';
}

/** Reads a regular file without following a link at its name; bounded by `maxBytes` before reading. */
export async function readRegularFile(path: string, maxBytes: number): Promise<RegularFile> {
  if (NO_FOLLOW === 0) {
    const stat = await fs.lstat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!stat) return { state: 'missing' };
    if (!stat.isFile()) return { state: 'not-a-file', what: describeEntry(stat) };
  }
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, constants.O_RDONLY | NO_FOLLOW | NON_BLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: 'missing' };
    // ELOOP (Linux, macOS) or EMLINK (FreeBSD): the name is a symbolic link.
    if (code === 'ELOOP' || code === 'EMLINK') return { state: 'not-a-file', what: 'a link' };
    if (code === 'EISDIR') return { state: 'not-a-file', what: 'a folder' };
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { state: 'not-a-file', what: describeEntry(stat) };
    // Check the size before reading: a 50 MB file must not be pulled into memory.
    if (stat.size > maxBytes) return { state: 'too-large', size: stat.size };
    return { state: 'ok', bytes: await handle.readFile(), stat };
  } finally {
    await handle.close();
  }
}

/**
 * `dir/name`, checked to stay directly inside `dir` ("../x", "a/b", "/etc/passwd" do not).
 * Throws `not-found`: from outside, such a name simply names no note.
 */
export function inside(dir: string, name: string): string {
  const base = resolve(dir);
  const full = resolve(base, name);
  if (name === '' || name.includes('\0') || dirname(full) !== base) {
    throw new NoteStoreError('not-found', 'That growth note does not exist.');
  }
  return full;
}
