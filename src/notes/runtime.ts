/**
 * Growth Notes' working parts, bundled apart (dist/notes.js) and required the first time a note is
 * read or written, the view is shown or a notes command runs (./load.ts): the store and its file
 * format, the file system behind `multiplier-note:`, the tree and the commands. The controller and
 * the stand-ins registered at activation stay in extension.js (./register.ts).
 */
export { notesCommands } from './commands';
export { coachAnswerBody } from './model/templates';
export { NoteStore } from './source/store';
export { NoteFileSystem } from './view/fileSystem';
export { NotesTree } from './view/tree';
