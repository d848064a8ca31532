/**
 * The `multiplier-note:` uri of a note is `/<id>/<title>.md`: the editor tab shows the note's
 * title, while the first segment (the id) stays the only key. The first shape, `/<id>.md`, is
 * still accepted so links and editors from older builds keep working.
 * Pure: takes anything with `scheme` and `path` (a vscode.Uri qualifies).
 */
import { isValidNoteId } from './fields';

export const NOTE_SCHEME = 'multiplier-note';
/** Long enough for a heading, short enough that several tabs still fit. */
const TAB_TITLE_LIMIT = 60;
const FALLBACK_NAME = 'Growth note';

/** The id a note uri points at, or undefined for anything else (another scheme, the root, a folder). */
export function noteIdFromUri(uri: { scheme: string; path: string }): string | undefined {
  if (uri.scheme !== NOTE_SCHEME) return undefined;
  const segments = uri.path.split('/');
  if (segments[0] !== '') return undefined;
  let id: string | undefined;
  if (segments.length === 3 && /.\.md$/.test(segments[2] ?? '')) id = segments[1];
  else if (segments.length === 2 && /.\.md$/.test(segments[1] ?? '')) id = segments[1]?.slice(0, -'.md'.length);
  return id !== undefined && isValidNoteId(id) ? id : undefined;
}

/** The path for a note: its id, then its title as a file name the tab can show. */
export function notePath(id: string, title: string): string {
  return `/${id}/${fileNameForTitle(title)}`;
}

/**
 * A title as a readable file name: case and spaces kept (the tab is for people), characters that
 * mean something in paths or uris and Markdown emphasis removed, cut at a word, `.md` so the
 * editor treats it as Markdown.
 */
export function fileNameForTitle(title: string): string {
  let name = title
    .replace(/…$/, '')
    .replace(/[*`]/g, '')
    .replace(/[\\/:?#%"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (name.length > TAB_TITLE_LIMIT) {
    const cut = name.lastIndexOf(' ', TAB_TITLE_LIMIT);
    name = `${name.slice(0, cut > TAB_TITLE_LIMIT / 2 ? cut : TAB_TITLE_LIMIT).replace(/[\s.]+$/, '')}…`;
  }
  return `${name || FALLBACK_NAME}.md`;
}
