/** Test seam (harness builds only): the store's notes and what the Growth Notes tree shows. */
import type { NotesController } from './controller';
import { notesRuntime } from './load';
import type { NotesTree } from './view/tree';

export function notesTestApi(notes: NotesController) {
  let created: NotesTree | undefined;
  return {
    state: async () => {
      // The tree's code is in the notes bundle: loaded by the first look, as in the view.
      const tree = (created ??= new (notesRuntime().NotesTree)(notes));
      const store = await notes.refresh();
      const sections = await tree.getChildren();
      const groups = async (index: number) =>
        Promise.all(
          (await tree.getChildren(sections[index])).map(async (group) => ({
            label: tree.getTreeItem(group).label,
            count: tree.getTreeItem(group).description,
            ids: (await tree.getChildren(group)).map((note) => (note.type === 'note' ? note.note.id : '')),
          })),
        );
      return {
        dir: notes.dir,
        messagesShown: notes.messagesShown,
        notes: store.allCached(),
        weeks: sections.length ? await groups(0) : [],
        tags: sections.length ? await groups(1) : [],
      };
    },
  };
}
