/**
 * The independent side's knowledge figures: degree of authorship and truck factor exactly as the
 * README's table states them (Avelino et al. 2016), over non-merge commits by people and the files
 * at HEAD.
 */
import type { GitCommit } from './health-correctness-git';

export interface IndependentKnowledge {
  files: number;
  truckFactor: number;
  people: string[];
  filesWithoutAuthor: number;
  singleAuthorFiles: number;
  /** Top folder → its truck factor. */
  topFolders: Map<string, number>;
}

export function knowledge(commits: GitCommit[], headFiles: string[]): IndependentKnowledge {
  // README: files whose every change was binary are left out (changes by bots count for that).
  const seen = new Set<string>();
  const text = new Set<string>();
  for (const c of commits) {
    if (c.parents.length > 1) continue;
    for (const file of c.files.keys()) seen.add(file);
    for (const file of c.textFiles) text.add(file);
  }
  const files = headFiles.filter((f) => !seen.has(f) || text.has(f));
  const atHead = new Set(files);
  // Per file: the commits touching it, oldest first (git log lists newest first).
  const touching = new Map<string, GitCommit[]>();
  for (let i = commits.length - 1; i >= 0; i--) {
    const c = commits[i];
    if (c.bot || c.parents.length > 1) continue;
    for (const file of c.files.keys()) if (atHead.has(file)) touching.set(file, [...(touching.get(file) ?? []), c]);
  }
  const authorsOf = new Map<string, Set<string>>();
  for (const file of files) {
    const list = touching.get(file) ?? [];
    const authors = new Set<string>();
    if (list.length > 0) {
      const first = list[0].email; // oldest in git log's order (committer date), README
      const counts = new Map<string, number>();
      for (const c of list) counts.set(c.email, (counts.get(c.email) ?? 0) + 1);
      const doa = new Map<string, number>();
      for (const [person, dl] of counts) {
        const ac = list.length - dl;
        doa.set(person, 3.293 + 1.098 * (person === first ? 1 : 0) + 0.164 * dl - 0.321 * Math.log(1 + ac));
      }
      const max = Math.max(...doa.values());
      for (const [person, value] of doa) if (value / max > 0.75 && value >= 3.293) authors.add(person);
    }
    authorsOf.set(file, authors);
  }
  const whole = truckFactor([...authorsOf.values()]);
  // Per top folder ('' for files at the root), the same greedy removal over its files only.
  const byTop = new Map<string, Set<string>[]>();
  for (const [file, authors] of authorsOf) {
    const top = file.includes('/') ? file.slice(0, file.indexOf('/')) : '';
    byTop.set(top, [...(byTop.get(top) ?? []), authors]);
  }
  return {
    files: files.length,
    truckFactor: whole.length,
    people: whole,
    filesWithoutAuthor: [...authorsOf.values()].filter((s) => s.size === 0).length,
    singleAuthorFiles: [...authorsOf.values()].filter((s) => s.size === 1).length,
    topFolders: new Map([...byTop].map(([top, sets]) => [top, truckFactor(sets).length])),
  };
}

/** README: people in order of files authored (ties by e-mail), removed until over half have no author. */
function truckFactor(sets: Set<string>[]): string[] {
  const authored = new Map<string, number>();
  for (const authors of sets) for (const a of authors) authored.set(a, (authored.get(a) ?? 0) + 1);
  const order = [...authored].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([p]) => p);
  const orphaned = (gone: Set<string>) => sets.filter((s) => [...s].every((a) => gone.has(a))).length;
  const gone = new Set<string>();
  const people: string[] = [];
  if (orphaned(gone) * 2 > sets.length) return people;
  for (const person of order) {
    gone.add(person);
    people.push(person);
    if (orphaned(gone) * 2 > sets.length) break;
  }
  return people;
}
