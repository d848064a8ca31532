/**
 * The growth-notes store: one Markdown file per note in a folder. This is a source (it does I/O
 * through node:fs); everything it decides about text is in the pure format/model/documents files.
 *
 * Layout of the folder:
 *   <id>.md                    the note (front matter + Markdown)
 *   <id>.md.bak                the previous version, the last-good backup
 *   <id>.conflict-<stamp>.md   a visible conflict copy (a note of its own)
 *   .lock                      held around every compare-and-swap
 *   .summary-index.json        a hint for opening fast (see summaryIndex.ts); never trusted blindly
 *   .tmp-<pid>-<hex>           in-flight writes; stray ones are removed on load
 *   quarantine/                unreadable files and unexpected entries moved aside, never deleted
 *   trash/                     deleted notes, so delete can be undone
 *
 * Nothing outside the folder is ever reached: every id is checked (`isValidNoteId`) at every
 * entry point and every path is checked to stay in its folder; links are never followed (a note,
 * backup or index that is a link is damaged, and set aside); an entry of the wrong kind (a folder
 * named `x.md`, a file named `quarantine`, a `.lock` folder) is set aside with one message, so
 * the store always opens.
 */
import { promises as fs, lstat as lstatCallback, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Emitter, type Event } from '../../core/event';
import { displayText } from '../../core/text';
import { writeFileAtomic } from './atomic';
import { NoteStoreError, toStoreError } from '../model/errors';
import { isValidNoteId, normalizeTags, type ParseFailure } from '../model/fields';
import { MAX_NOTE_BYTES, parseNote, parseNoteBytes, serializeNote, utf8Length } from '../model/format';
import { isProcessAlive, LOCK_NAME, TEMP_PREFIX, withLock, type LockOptions } from './lock';
import { describeEntry, inside, readRegularFile } from './safeFs';
import { searchNotes, sortNewestFirst, summarize, type NoteSummary } from '../model/summaries';
import { decodeIndex, encodeIndex, INDEX_NAME, MAX_INDEX_BYTES, settledForIndex, type IndexEntry } from '../model/summaryIndex';
import type { Note, NoteKind, NoteLink } from '../model/types';

export const QUARANTINE_DIR = 'quarantine';
export const TRASH_DIR = 'trash';
const NOTE_FILE = /^([A-Za-z0-9][A-Za-z0-9._-]*)\.md$/;
const BACKUP_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.md\.bak$/;
const TRASH_TOKEN = /^(.+)\.(\d{8}T\d+Z)$/;
const STRAY_TEMP_AGE_MS = 60 * 60 * 1000;
const SCAN_CONCURRENCY = 64;

export interface StoreOptions {
  now?: () => Date;
  newId?: () => string;
  lock?: LockOptions;
}

export interface LoadReport {
  notes: number;
  /** New warnings only: each problem is reported once per store instance. */
  warnings: string[];
  quarantined: string[];
  restored: string[];
  cleanedTemps: number;
  /** Notes taken from the summary index (their file's size and mtime unchanged). */
  fromIndex: number;
  /** Note files read and parsed. */
  readFiles: number;
}

export type SaveOutcome =
  | { status: 'saved'; note: Note }
  /** Someone else saved first: their version stays, ours is kept as a visible conflict copy. */
  | { status: 'conflict'; note: Note; copy: Note; copyFile: string }
  /** The note had been deleted elsewhere; the text was saved as the note again. */
  | { status: 'recreated'; note: Note };

export interface NoteUpdate {
  body?: string;
  tags?: string[];
  links?: NoteLink[];
}

export interface NewNote {
  kind: NoteKind;
  body: string;
  tags?: string[];
  links?: NoteLink[];
  extra?: Record<string, string>;
  /** Use this id (import); fails with EEXIST-like `busy` if it exists. */
  id?: string;
  created?: string;
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  note: Note;
  summary: NoteSummary;
  /** Read long enough after its last change that size+mtime will show the next one (see RACY_MS). */
  settled: boolean;
}

type ReadState =
  | { state: 'ok'; note: Note; mtimeMs: number; size: number }
  | { state: 'missing' }
  | { state: 'bad'; failure: ParseFailure; detail: string };

export function newNoteId(now: Date = new Date()): string {
  const stamp = now.toISOString().slice(0, 10);
  return `${stamp}-${randomBytes(5).toString('hex')}`;
}

function stampOf(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '');
}

/** The id itself, when it is one the store could have written; otherwise "no such note". */
function checkId(id: unknown): string {
  if (typeof id === 'string' && isValidNoteId(id)) return id;
  throw new NoteStoreError('not-found', `There is no growth note "${displayText(String(id), { maxLength: 60 })}".`);
}

/** The store refuses what its own reader would refuse (and quarantine on the next open). */
function checkSize(text: string): void {
  const bytes = utf8Length(text);
  if (bytes > MAX_NOTE_BYTES) {
    throw new NoteStoreError(
      'too-large',
      `That note is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the 5 MB limit. Your text is still in the editor.`,
    );
  }
}

export class NoteStore {
  private readonly cache = new Map<string, CacheEntry>();
  /** The summary index, only while the first load runs. */
  private indexHint?: Map<string, IndexEntry>;
  private opened = false;
  private counts = { fromIndex: 0, readFiles: 0 };
  private readonly warned = new Set<string>();
  /** Entries set aside outside a load (e.g. a `trash` file found by a delete), told by the next load. */
  private readonly setAsideLater: string[] = [];
  private readonly changed = new Emitter<void>();
  private readonly now: () => Date;
  private readonly newId: () => string;
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(
    readonly dir: string,
    private readonly options: StoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => newNoteId(this.now()));
  }

  /** Opens (or refreshes) the folder. Never throws for a bad note or an odd entry: it is repaired or set aside, and reported. */
  async load(): Promise<LoadReport> {
    const report: LoadReport = emptyReport();
    try {
      await fs.mkdir(this.dir, { recursive: true });
    } catch (error) {
      throw toStoreError(error, 'creating the notes folder');
    }
    let entries: Dirent[];
    try {
      entries = await fs.readdir(this.dir, { withFileTypes: true });
    } catch (error) {
      throw toStoreError(error, 'reading the notes folder');
    }
    const ids = new Set<string>();
    const odd: Dirent[] = [];
    let hasIndex = false;
    for (const entry of entries) {
      const name = entry.name;
      const id = NOTE_FILE.exec(name)?.[1];
      if (id !== undefined) {
        // A folder, link or special file named like a note is read (and set aside) as a damaged note.
        if (isValidNoteId(id)) ids.add(id);
        else odd.push(entry);
      } else if (name === QUARANTINE_DIR || name === TRASH_DIR) {
        if (!entry.isDirectory()) odd.push(entry);
      } else if (name === INDEX_NAME) {
        if (entry.isFile()) hasIndex = true;
        else odd.push(entry);
      } else if (name === LOCK_NAME || BACKUP_FILE.test(name)) {
        if (!entry.isFile()) odd.push(entry);
      } else if (name.startsWith(TEMP_PREFIX)) {
        if (!entry.isFile()) odd.push(entry);
        else if (await this.removeIfStray(name)) report.cleanedTemps++;
      }
    }
    await this.setAside(odd, report);
    const firstLoad = !this.opened;
    this.opened = true;
    // Later loads (refresh) keep their in-memory cache, which is at least as fresh as the index.
    if (firstLoad && hasIndex) this.indexHint = await this.readIndex();
    for (const id of this.cache.keys()) if (!ids.has(id)) this.cache.delete(id);
    const before = { ...this.counts };
    try {
      await runPool([...ids], SCAN_CONCURRENCY, async (id) => {
        const state = await this.readCached(id);
        if (state.state === 'bad') await this.repair(id, state, report);
      });
    } finally {
      const hint = this.indexHint;
      this.indexHint = undefined;
      report.fromIndex = this.counts.fromIndex - before.fromIndex;
      report.readFiles = this.counts.readFiles - before.readFiles;
      if (firstLoad) await this.updateIndex(hint, report.fromIndex, hasIndex);
    }
    report.notes = this.cache.size;
    return report;
  }

  /**
   * Moves entries of the wrong kind into quarantine/ (never deletes them) and says so in one
   * message. A `quarantine` or `trash` that is not a folder is moved in as well, once the real
   * folder exists. An entry that cannot be moved is skipped; the store opens either way.
   */
  private async setAside(odd: readonly Dirent[], report: LoadReport): Promise<void> {
    // First the entries holding quarantine/ and trash/'s names, so those folders exist for the rest.
    for (const entry of odd) if (entry.name === QUARANTINE_DIR || entry.name === TRASH_DIR) await this.ensureDir(entry.name);
    for (const entry of odd) {
      if (entry.name === QUARANTINE_DIR || entry.name === TRASH_DIR) continue;
      const what = entry.isSymbolicLink() ? 'a link' : entry.isDirectory() ? 'a folder' : entry.isFile() ? 'a file' : 'a special file';
      const where = await this.moveAside(entry.name);
      this.setAsideLater.push(`${displayText(entry.name, { maxLength: 60 })} (${what}${where ? '' : ', left in place'})`);
    }
    const moved = this.setAsideLater.splice(0);
    if (moved.length === 0) return;
    this.warnOnce(
      report,
      `odd:${moved.join('|')}`,
      `The notes folder had ${moved.length === 1 ? 'an unexpected entry' : `${moved.length} unexpected entries`}: ${moved.join(', ')}. ` +
        `Moved to ${QUARANTINE_DIR}/ so your notes open; nothing was deleted.`,
    );
  }

  /** Moves one entry of the notes folder into quarantine/; the new name, or undefined when it could not be moved. */
  private async moveAside(name: string): Promise<string | undefined> {
    const aside = `${name.replace(/^\./, '_')}.${stampOf(this.now())}.${randomBytes(3).toString('hex')}.aside`;
    try {
      if (name === QUARANTINE_DIR) {
        // The entry holds the name the folder needs: rename it first, then move it in.
        const temporary = `${QUARANTINE_DIR}.${randomBytes(4).toString('hex')}.aside`;
        await fs.rename(inside(this.dir, name), inside(this.dir, temporary));
        await this.ensureDir(QUARANTINE_DIR);
        await fs.rename(inside(this.dir, temporary), inside(join(this.dir, QUARANTINE_DIR), aside)).catch(() => undefined);
        return aside;
      }
      await this.ensureDir(QUARANTINE_DIR);
      await fs.rename(inside(this.dir, name), inside(join(this.dir, QUARANTINE_DIR), aside));
      return aside;
    } catch {
      return undefined;
    }
  }

  /**
   * A sub-folder (quarantine/ or trash/) that is a real folder, not a link or a file of that name;
   * whatever held the name is set aside first.
   */
  private async ensureDir(name: string): Promise<string> {
    const path = inside(this.dir, name);
    const stat = await fs.lstat(path).catch(() => undefined);
    if (stat?.isDirectory()) return path;
    if (stat) {
      const where = await this.moveAside(name);
      this.setAsideLater.push(`${name} (${describeEntry(stat)}${where ? '' : ', left in place'})`);
    }
    try {
      await fs.mkdir(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await fs.lstat(path)).isDirectory()) {
        throw toStoreError(error, `creating ${name}/`);
      }
    }
    return path;
  }

  /** The index's entries, or undefined when it is missing, too big or not trustworthy as a whole. */
  private async readIndex(): Promise<Map<string, IndexEntry> | undefined> {
    try {
      const file = await readRegularFile(join(this.dir, INDEX_NAME), MAX_INDEX_BYTES);
      return file.state === 'ok' ? decodeIndex(file.bytes.toString('utf8')) : undefined;
    } catch {
      return undefined; // unreadable: the notes themselves are read instead
    }
  }

  /**
   * Rewrites the index after the first load when it no longer matches what was loaded (missing,
   * corrupt, entries for changed or deleted files, newly settled notes). Atomic, so a crash leaves
   * the old index or the new one; failing to write it (read-only, disk full) costs only speed.
   */
  private async updateIndex(hint: Map<string, IndexEntry> | undefined, usedFromIndex: number, hasIndex: boolean): Promise<void> {
    const entries: IndexEntry[] = [];
    for (const [id, entry] of this.cache) {
      if (entry.settled && entry.size >= 0) entries.push({ id, size: entry.size, mtimeMs: entry.mtimeMs, text: serializeNote(entry.note) });
    }
    const upToDate = hint !== undefined && hint.size === usedFromIndex && entries.length === usedFromIndex;
    if (upToDate || (entries.length === 0 && !hasIndex)) return;
    try {
      await writeFileAtomic(this.dir, INDEX_NAME, encodeIndex(entries, this.now().toISOString()));
    } catch {
      // Only an optimisation: the next open reads the files again and tries once more.
    }
  }

  /** Summaries from the last load/refresh, newest first. */
  list(): NoteSummary[] {
    return sortNewestFirst([...this.cache.values()].map((entry) => entry.summary));
  }

  search(query: string, limit?: number): NoteSummary[] {
    return searchNotes(
      [...this.cache.values()].map((entry) => entry.summary),
      query,
      limit,
    );
  }

  /** The summary of one note (as of the last load or write by this store). */
  summary(id: string): NoteSummary | undefined {
    return this.cache.get(id)?.summary;
  }

  /** The cached note (as of the last load or write by this store). */
  cached(id: string): Note | undefined {
    return this.cache.get(id)?.note;
  }

  allCached(): Note[] {
    return [...this.cache.values()].map((entry) => entry.note);
  }

  /** Reads one note fresh from disk (another window may have changed it); repairs a bad file. */
  async read(id: string): Promise<Note> {
    checkId(id);
    let state = await this.readCached(id);
    if (state.state === 'bad') {
      const report: LoadReport = emptyReport();
      await this.repair(id, state, report);
      state = await this.readCached(id);
    }
    if (state.state !== 'ok') throw new NoteStoreError('not-found', `The note ${id} no longer exists.`);
    return state.note;
  }

  async create(input: NewNote): Promise<Note> {
    if (input.id !== undefined) checkId(input.id);
    const time = this.now().toISOString();
    for (let attempt = 0; ; attempt++) {
      const note: Note = {
        id: input.id ?? this.newId(),
        kind: input.kind,
        created: input.created ?? time,
        updated: time,
        revision: 1,
        tags: normalizeTags(input.tags ?? []),
        links: input.links ?? [],
        body: input.body,
        extra: input.extra ?? {},
      };
      try {
        await this.writeNew(note);
        this.changed.fire();
        return note;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST' && input.id === undefined && attempt < 5) continue;
        throw toStoreError(error, `creating note ${displayText(note.id, { maxLength: 60 })}`);
      }
    }
  }

  /**
   * Compare-and-swap: writes only if the note on disk still has `expectedRevision`. Otherwise the
   * text becomes a visible conflict copy and the other writer's version stays. Never loses text.
   */
  async save(id: string, update: NoteUpdate, expectedRevision: number): Promise<SaveOutcome> {
    checkId(id);
    if (update.body !== undefined) checkSize(update.body);
    const outcome = await withLock(
      this.dir,
      async (): Promise<SaveOutcome> => {
        let state = await this.readFile(id);
        if (state.state === 'bad') {
          await this.repairLocked(id, state, emptyReport());
          state = await this.readFile(id);
        }
        const time = this.now().toISOString();
        if (state.state !== 'ok') {
          const base = this.cache.get(id)?.note;
          const note = this.apply(base ?? blankNote(id, time), update, (base?.revision ?? expectedRevision) + 1, time);
          await this.writeNew(note);
          return { status: 'recreated', note };
        }
        const current = state.note;
        if (current.revision !== expectedRevision && sameContent(current, update)) {
          // Someone already saved exactly this text: nothing to keep apart.
          this.remember(current, state.mtimeMs, state.size);
          return { status: 'saved', note: current };
        }
        if (current.revision !== expectedRevision) {
          const copy = await this.writeConflictCopy(current, update, time);
          this.remember(current, state.mtimeMs, state.size);
          return { status: 'conflict', note: current, copy, copyFile: `${copy.id}.md` };
        }
        const next = this.apply(current, update, current.revision + 1, time);
        const text = serializeNote(next);
        checkSize(text);
        await writeFileAtomic(this.dir, `${id}.md`, text, { backupName: `${id}.md.bak` });
        await this.refreshEntry(id, next);
        return { status: 'saved', note: next };
      },
      this.options.lock,
    );
    this.changed.fire();
    return outcome;
  }

  /** Moves the note (and its backup) to trash/. Returns the token that `undoRemove` takes. */
  async remove(id: string): Promise<string> {
    checkId(id);
    const token = `${id}.${stampOf(this.now())}`;
    await withLock(
      this.dir,
      async () => {
        const trash = await this.ensureDir(TRASH_DIR);
        try {
          await fs.rename(inside(this.dir, `${id}.md`), inside(trash, `${token}.md`));
        } catch (error) {
          throw toStoreError(error, `deleting note ${id}`);
        }
        await fs.rename(inside(this.dir, `${id}.md.bak`), inside(trash, `${token}.md.bak`)).catch(() => undefined);
      },
      this.options.lock,
    );
    this.cache.delete(id);
    this.changed.fire();
    return token;
  }

  /** Puts a deleted note back, unless a note with its id exists again (then nothing is replaced). */
  async undoRemove(token: string): Promise<Note> {
    const match = TRASH_TOKEN.exec(String(token));
    const id = checkId(match?.[1]);
    await withLock(
      this.dir,
      async () => {
        const trash = await this.ensureDir(TRASH_DIR);
        const deleted = inside(trash, `${id}.${match?.[2] ?? ''}.md`);
        // Only a regular file comes back: a link in trash/ is not a deleted note.
        if (!(await fs.lstat(deleted).catch(() => undefined))?.isFile()) {
          throw new NoteStoreError('not-found', 'That deleted note is no longer in the notes trash.');
        }
        try {
          await fs.link(deleted, inside(this.dir, `${id}.md`));
        } catch (error) {
          throw toStoreError(error, `restoring note ${id}`);
        }
        await fs.unlink(deleted).catch(() => undefined);
        await fs.rename(`${deleted.slice(0, -'.md'.length)}.md.bak`, inside(this.dir, `${id}.md.bak`)).catch(() => undefined);
      },
      this.options.lock,
    );
    this.changed.fire();
    return this.read(id);
  }

  private apply(base: Note, update: NoteUpdate, revision: number, time: string): Note {
    return {
      ...base,
      body: update.body ?? base.body,
      tags: update.tags ? normalizeTags(update.tags) : base.tags,
      links: update.links ?? base.links,
      revision,
      updated: time,
    };
  }

  private async writeConflictCopy(current: Note, update: NoteUpdate, time: string): Promise<Note> {
    // Bounded so the copy's id stays a valid id (at most 160 characters).
    const baseId = current.id.replace(/\.conflict-.*$/, '').slice(0, 120);
    const stamp = stampOf(new Date(time));
    for (let n = 0; ; n++) {
      const copy: Note = {
        ...this.apply(current, update, 1, time),
        id: `${baseId}.conflict-${stamp}${n === 0 ? '' : `-${n}`}`,
        created: time,
        tags: normalizeTags([...(update.tags ?? current.tags), 'conflict']),
        extra: { ...current.extra, 'conflict-of': baseId },
      };
      try {
        await this.writeNew(copy);
        return copy;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 50) throw toStoreError(error, 'writing a conflict copy');
      }
    }
  }

  /** Writes a note under a name that must not exist yet; rejects with EEXIST otherwise. */
  private async writeNew(note: Note): Promise<void> {
    checkId(note.id);
    const text = serializeNote(note);
    checkSize(text);
    await writeFileAtomic(this.dir, `${note.id}.md`, text, { exclusive: true });
    await this.refreshEntry(note.id, note);
  }

  private async refreshEntry(id: string, note: Note): Promise<void> {
    try {
      const stat = await fs.lstat(inside(this.dir, `${id}.md`));
      this.remember(note, stat.mtimeMs, stat.size);
    } catch {
      this.remember(note, 0, -1);
    }
  }

  /** `settled` only for a note read from disk well after its last change (see RACY_MS). */
  private remember(note: Note, mtimeMs: number, size: number, settled = false): void {
    this.cache.set(note.id, { note, mtimeMs, size, summary: summarize(note), settled });
  }

  /**
   * Reads a note file, reusing the cache (or, during the first load, the summary index) when the
   * file's size and mtime are unchanged.
   */
  private async readCached(id: string): Promise<ReadState> {
    const path = inside(this.dir, `${id}.md`);
    const entry = this.cache.get(id);
    const indexed = entry ? undefined : this.indexHint?.get(id);
    const known = entry ?? indexed;
    if (known) {
      try {
        const stat = await statFile(path);
        if (stat.mtimeMs === known.mtimeMs && stat.size === known.size) {
          if (entry) return { state: 'ok', note: entry.note, mtimeMs: stat.mtimeMs, size: stat.size };
          const parsed = parseNote(indexed?.text ?? '', id);
          if (parsed.ok) {
            this.remember(parsed.note, stat.mtimeMs, stat.size, true);
            this.counts.fromIndex++;
            return { state: 'ok', note: parsed.note, mtimeMs: stat.mtimeMs, size: stat.size };
          }
          // A damaged entry: the file itself decides.
        }
      } catch {
        // fall through to a full read, which reports it missing
      }
    }
    const readStarted = Date.now(); // compared with file mtimes: the file system's clock, not the extension's
    const state = await this.readFile(id);
    if (state.state === 'ok') this.remember(state.note, state.mtimeMs, state.size, settledForIndex(state.mtimeMs, readStarted));
    else if (state.state === 'missing') this.cache.delete(id);
    return state;
  }

  private async readFile(id: string): Promise<ReadState> {
    let file;
    try {
      file = await readRegularFile(inside(this.dir, `${id}.md`), MAX_NOTE_BYTES);
    } catch (error) {
      throw toStoreError(error, `reading note ${id}`);
    }
    if (file.state === 'missing') return { state: 'missing' };
    if (file.state === 'not-a-file') return { state: 'bad', failure: 'not-a-file', detail: `it is ${file.what}, not a file` };
    if (file.state === 'too-large') return { state: 'bad', failure: 'too-large', detail: `${file.size} bytes` };
    this.counts.readFiles++;
    const parsed = parseNoteBytes(file.bytes, id);
    if (!parsed.ok) return { state: 'bad', failure: parsed.failure, detail: parsed.detail };
    return { state: 'ok', note: parsed.note, mtimeMs: file.stat.mtimeMs, size: file.stat.size };
  }

  private async repair(id: string, bad: { failure: ParseFailure; detail: string }, report: LoadReport): Promise<void> {
    if (bad.failure === 'newer-version') {
      // Written by a newer Multiplier (another window may run it): leave it exactly where it is.
      this.warnOnce(
        report,
        `newer:${id}`,
        `Growth note ${id} was written by a newer version of Multiplier and is hidden here; it is left untouched.`,
      );
      return;
    }
    await withLock(this.dir, () => this.repairLocked(id, bad, report), this.options.lock);
  }

  /**
   * Moves an unreadable note to quarantine/ (never deletes it) and restores its last-good backup.
   * Re-checks under the lock: another window may have repaired or rewritten it meanwhile.
   */
  private async repairLocked(id: string, bad: { failure: ParseFailure; detail: string }, report: LoadReport): Promise<void> {
    const again = await this.readFile(id);
    if (again.state === 'ok') {
      this.remember(again.note, again.mtimeMs, again.size);
      return;
    }
    if (again.state === 'missing') return;
    if (again.failure === 'newer-version') return;
    const quarantine = await this.ensureDir(QUARANTINE_DIR);
    const aside = `${id}.${stampOf(this.now())}.${randomBytes(2).toString('hex')}.md`;
    // rename moves a link itself, never its target.
    await fs.rename(inside(this.dir, `${id}.md`), inside(quarantine, aside));
    report.quarantined.push(aside);
    this.cache.delete(id);
    let restored = false;
    try {
      // A backup that is a link (or anything but a regular file) is not restored.
      const backup = await readRegularFile(inside(this.dir, `${id}.md.bak`), MAX_NOTE_BYTES);
      const parsed = backup.state === 'ok' ? parseNoteBytes(backup.bytes, id) : undefined;
      if (backup.state === 'ok' && parsed?.ok) {
        await writeFileAtomic(this.dir, `${id}.md`, backup.bytes.toString('utf8'), { exclusive: true });
        await this.refreshEntry(id, parsed.note);
        restored = true;
        report.restored.push(id);
      }
    } catch {
      // no usable backup
    }
    const where = `${QUARANTINE_DIR}/${aside}`;
    this.warnOnce(
      report,
      `bad:${id}`,
      restored
        ? `Growth note ${id} could not be read (${bad.detail}); its last good version was restored. The damaged file is kept at ${where}.`
        : `Growth note ${id} could not be read (${bad.detail}) and had no usable backup. The file is kept at ${where}.`,
    );
  }

  private warnOnce(report: LoadReport, key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    report.warnings.push(message);
  }

  /** A temp file from a write that died (its process is gone, or it is an hour old). */
  private async removeIfStray(name: string): Promise<boolean> {
    const pid = Number(/^\.tmp-(\d+)-/.exec(name)?.[1]);
    const path = join(this.dir, name);
    let stray = !Number.isFinite(pid) || !isProcessAlive(pid);
    if (!stray) {
      try {
        stray = Date.now() - (await fs.lstat(path)).mtimeMs > STRAY_TEMP_AGE_MS; // file-system time, like mtime
      } catch {
        return false;
      }
    }
    if (!stray) return false;
    try {
      await fs.unlink(path);
      return true;
    } catch {
      return false;
    }
  }
}

function sameContent(note: Note, update: NoteUpdate): boolean {
  return (
    (update.body === undefined || update.body === note.body) &&
    (update.tags === undefined || JSON.stringify(normalizeTags(update.tags)) === JSON.stringify(note.tags)) &&
    (update.links === undefined || JSON.stringify(update.links) === JSON.stringify(note.links))
  );
}

/**
 * fs.lstat with a callback: half the cost of fs.promises, which counts with 10,000 notes. lstat,
 * so a note replaced by a link never matches its cached size and mtime, and is read (and refused).
 */
function statFile(path: string): Promise<Stats> {
  return new Promise((resolve, reject) => lstatCallback(path, (error, stats) => (error ? reject(error) : resolve(stats))));
}

function emptyReport(): LoadReport {
  return { notes: 0, warnings: [], quarantined: [], restored: [], cleanedTemps: 0, fromIndex: 0, readFiles: 0 };
}

function blankNote(id: string, time: string): Note {
  return { id, kind: 'note', created: time, updated: time, revision: 0, tags: [], links: [], body: '', extra: {} };
}

async function runPool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
