/** Test seam (harness builds only): the store's notes and what the Growth Notes tree shows. */
import type { NotesController } from './controller';
import { NotesTree } from './view/tree';

export function notesTestApi(notes: NotesController) {
  const tree = new NotesTree(notes);
  return {
    state: async () => {
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
