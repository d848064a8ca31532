/**
 * The summary index: one JSON file beside the notes that lets a large journal open without
 * reading every note. It is only ever a hint. An entry is used for a note only when the note
 * file's size and mtime still match and the stored text still parses as that note; anything else
 * (another window's edit, a hand edit, a corrupt or foreign index) falls back to reading the file.
 * Pure: encoding and decoding only; the store does the I/O.
 */

export const INDEX_NAME = '.summary-index.json';
const INDEX_FORMAT = 'multiplier-growth-notes-index';
export const INDEX_VERSION = 1;
/** Bigger than any journal we expect (10,000 notes is about 10 MB); never pull more into memory. */
export const MAX_INDEX_BYTES = 256 * 1024 * 1024;
/**
 * A file whose mtime is this close to the moment it was read may still change within the same
 * mtime tick (1 s or 2 s on some file systems) without its stat changing. Such an entry stays out
 * of the index, so the next open reads that file again instead of trusting a stat that cannot tell.
 */
export const RACY_MS = 2_000;

export interface IndexEntry {
  id: string;
  size: number;
  mtimeMs: number;
  /** The note in the current on-disk format (what `serializeNote` writes). */
  text: string;
}

export function encodeIndex(entries: readonly IndexEntry[], writtenAt: string): string {
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return JSON.stringify({
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    written: writtenAt,
    entries: sorted.map(({ id, size, mtimeMs, text }) => ({ id, size, mtimeMs, text })),
  });
}

/**
 * The entries of an index file, or undefined when it is not one we can trust as a whole:
 * not JSON, another format or version, or any entry of the wrong shape (a damaged file is
 * ignored and rebuilt, never half-used).
 */
export function decodeIndex(text: string): Map<string, IndexEntry> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const root = parsed as Record<string, unknown>;
  if (root.format !== INDEX_FORMAT || root.version !== INDEX_VERSION || !Array.isArray(root.entries)) return undefined;
  const entries = new Map<string, IndexEntry>();
  for (const item of root.entries as unknown[]) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { id, size, mtimeMs, text: note } = item as Record<string, unknown>;
    if (typeof id !== 'string' || id === '' || entries.has(id)) return undefined;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return undefined;
    if (typeof mtimeMs !== 'number' || !Number.isFinite(mtimeMs)) return undefined;
    if (typeof note !== 'string') return undefined;
    entries.set(id, { id, size, mtimeMs, text: note });
  }
  return entries;
}

/** True when a read at `readStartedMs` of a file with `mtimeMs` may be trusted by stat later. */
export function settledForIndex(mtimeMs: number, readStartedMs: number): boolean {
  return readStartedMs - mtimeMs > RACY_MS;
}
