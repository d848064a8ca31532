/**
 * Shared knowledge: who knows which files, the truck factor, and knowledge at risk. Pure.
 *
 * Degree of authorship (Avelino, Passos, Hora, Valente: "A Novel Approach for Estimating Truck
 * Factors", ICPC 2016, after Fritz et al.'s degree-of-knowledge model), for person d and file f:
 *
 *   DOA(d, f) = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC)
 *
 *   FA = 1 if d created f (made the oldest commit that touches it), else 0;
 *   DL = d's commits to f ("deliveries"); AC = other people's commits to f ("acceptances").
 *
 * d is an author of f when DOA(d, f) / max over people DOA(·, f) > 0.75 and DOA(d, f) ≥ 3.293.
 * Truck factor (greedy, as in the paper): take people in order of how many files they author, most
 * first (ties by e-mail); remove them one by one until more than half of the files have no author
 * left; the truck factor is how many were removed (0 when more than half had no author to begin with).
 *
 * Our inputs to it: non-merge commits by people (bots left out entirely, so a file a bot created is
 * "created" by the first person who touched it); people are lower-cased e-mails, merged by the alias
 * table; renames are not followed (a renamed file is created by whoever renamed it); files are those
 * present at HEAD, minus excluded paths and files whose every change was binary.
 */
import * as l10n from '@vscode/l10n';
import { graphOf, type CommitGraph } from './graph';
import type { HealthCommit, HealthInput } from './input';
import type { KnowledgeOptions, ResolvedOptions } from './options';
import { DAY, insufficient, measured, type Measured } from './stats';
import { listWords } from './lists';

/** The paper's constants, documented and exported so the view and README cite the same numbers. */
export const DOA = {
  base: 3.293,
  firstAuthorship: 1.098,
  deliveries: 0.164,
  acceptances: 0.321,
  /** Normalised DOA must be above this. */
  normalizedThreshold: 0.75,
  /** And the absolute DOA at least this. */
  absoluteThreshold: 3.293,
  /** The truck factor is reached when more than this share of files has no author. */
  coverage: 0.5,
} as const;

export function degreeOfAuthorship(firstAuthor: boolean, deliveries: number, acceptances: number): number {
  return DOA.base + DOA.firstAuthorship * (firstAuthor ? 1 : 0) + DOA.deliveries * deliveries - DOA.acceptances * Math.log(1 + acceptances);
}

export interface PersonRef {
  name: string;
  email: string;
  /** Last commit by this person (ms), any file. */
  lastCommitAt: number;
  active: boolean;
}

export interface TruckFactor {
  value: number;
  /** The people removed by the greedy algorithm, in order: whose leaving orphans most of the files. */
  people: PersonRef[];
  files: number;
  /** Files with no author at all before anyone leaves. */
  filesWithoutAuthor: number;
}

export interface FolderKnowledge {
  /** Repo-relative folder; '' is the repository's root files. */
  path: string;
  files: number;
  truckFactor: TruckFactor;
  /**
   * How many people active in the last `inactiveDays` it takes to cover more than half the folder's
   * files: the truck factor counting active people only. 0: most files have no active author.
   */
  activeOwners: number;
  /** Distinct authors (DOA) of at least one file here. */
  authors: number;
  /** Files with exactly one author. */
  singleAuthorFiles: number;
  /** Files whose every author is inactive. */
  filesAtRisk: number;
  /** Commits touching the folder in the last `recentDays` (people only, merges not counted). */
  recentChanges: number;
}

export interface TreemapLeaf {
  /** Folder path cut at depth 2 ('' for files at the root). */
  path: string;
  /** First path segment, the treemap's group ('' for the root). */
  top: string;
  files: number;
  activeOwners: number;
  truckFactor: number;
  /** Names of the people behind the truck factor (for the tooltip). */
  keyPeople: string[];
  recentChanges: number;
}

export interface KnowledgeSuggestion {
  kind: 'pair' | 'adopt';
  folder: string;
  /** The one person who knows it (pair), or the last people who did (adopt). */
  people: PersonRef[];
  recentChanges: number;
  text: string;
}

export interface KnowledgeReport {
  parameters: typeof DOA & Pick<KnowledgeOptions, 'inactiveDays' | 'recentDays' | 'minFolderFiles'>;
  /** How the file list was chosen. */
  fileSource: 'head' | 'inferred';
  truckFactor: Measured<TruckFactor>;
  /** First-level folders (and '' for root files), largest first. */
  topFolders: FolderKnowledge[];
  /** Folders at depth ≤ 2 that partition the files, for the treemap. */
  treemap: TreemapLeaf[];
  /** Files with exactly one author. */
  singleAuthorFiles: number;
  /** Folders (depth ≤ 2, at least `minFolderFiles` files) whose truck factor is 1, with that person. */
  singleOwnerFolders: { path: string; files: number; person: PersonRef; recentChanges: number }[];
  /** Files whose every author has been inactive for `inactiveDays`. */
  filesAtRisk: number;
  /** Folders where most files have no active author: who knew them, and since when they are away. */
  foldersAtRisk: { path: string; files: number; people: PersonRef[]; recentChanges: number }[];
  suggestions: KnowledgeSuggestion[];
  excluded: { bots: number; merges: number; binaryOnlyFiles: number; excludedPaths: number };
}

interface FileStats {
  creator: number;
  /** person index → commits; a small array of pairs is faster than a Map for 1–5 people. */
  people: number[];
  counts: number[];
  total: number;
  net: number;
  text: boolean;
}

interface Aggregate {
  files: Map<string, FileStats>;
  people: { key: string; name: string; nameAt: number; last: number }[];
  bots: number;
  merges: number;
}

/** Per history (the commits array), the aggregates already computed, by their parameters. */
const aggregates = new WeakMap<readonly HealthCommit[], Map<string, Aggregate>>();
const botIds = new WeakMap<object, number>();
let nextBotId = 0;

/**
 * Who changed which file how often, who created it, its line count, and each person's last commit:
 * everything the degree of authorship needs, in one pass oldest first. It depends on "now" only
 * through which commits are dated after it; those sets are nested, so their size identifies them and
 * the aggregate is reused across periods and refreshes of the same history.
 */
function aggregate(graph: CommitGraph, now: number, botFlags: Uint8Array, aliases: Map<string, string>): Aggregate {
  const commits = graph.commits;
  let future = 0;
  for (let i = 0; i < commits.length; i++) if (graph.changedAt[i] > now) future++;
  let botId = botIds.get(botFlags);
  if (botId === undefined) botIds.set(botFlags, (botId = nextBotId++));
  const key = `${botId}|${future}|${[...aliases].join(',')}`;
  let known = aggregates.get(commits);
  if (!known) aggregates.set(commits, (known = new Map()));
  const hit = known.get(key);
  if (hit) return hit;

  const personIndex = new Map<string, number>();
  const keyOfEmail = new Map<string, number>();
  const people: Aggregate['people'] = [];
  const files = new Map<string, FileStats>();
  let bots = 0;
  let merges = 0;
  // Oldest first (the input is newest first): the first person to touch a file created it.
  for (let i = commits.length - 1; i >= 0; i--) {
    if (graph.isMerge[i] === 1) {
      merges++;
      continue;
    }
    const when = graph.changedAt[i];
    if (when > now) continue;
    const c = commits[i];
    // A bot's change still tells whether a file exists (its line count), but gives it no author.
    let who = -1;
    if (botFlags[i] === 1) bots++;
    else {
      const email = c.author.email;
      let at = keyOfEmail.get(email);
      if (at === undefined) {
        const lower = email.toLowerCase();
        const personKey = aliases.get(lower) ?? lower;
        at = personIndex.get(personKey);
        if (at === undefined) {
          at = people.length;
          people.push({ key: personKey, name: c.author.name, nameAt: -Infinity, last: -Infinity });
          personIndex.set(personKey, at);
        }
        keyOfEmail.set(email, at);
      }
      const p = people[at];
      if (c.author.time >= p.nameAt) {
        p.name = c.author.name; // the most recent spelling of a name wins
        p.nameAt = c.author.time;
      }
      if (when > p.last) p.last = when;
      who = at;
    }
    for (const change of c.files) {
      let stats = files.get(change.path);
      if (!stats) {
        stats = { creator: -1, people: [], counts: [], total: 0, net: 0, text: false };
        files.set(change.path, stats);
      }
      if (change.added !== null && change.deleted !== null) {
        stats.net += change.added - change.deleted;
        stats.text = true;
      }
      if (who < 0) continue;
      if (stats.creator < 0) stats.creator = who;
      const at = stats.people.indexOf(who);
      if (at < 0) {
        stats.people.push(who);
        stats.counts.push(1);
      } else stats.counts[at]++;
      stats.total++;
    }
  }
  const result = { files, people, bots, merges };
  if (known.size >= 4) known.clear();
  known.set(key, result);
  return result;
}

export function computeKnowledge(input: HealthInput, options: ResolvedOptions): KnowledgeReport {
  const k = options.knowledge;
  const now = options.now;
  const activeSince = now - k.inactiveDays * DAY;
  const recentSince = now - k.recentDays * DAY;
  const aliases = new Map(Object.entries(k.aliases ?? {}).map(([from, to]) => [from.toLowerCase(), to.toLowerCase()]));
  const excludePrefixes = (k.excludePaths ?? []).map((p) => p.replace(/\/+$/, ''));
  const isExcluded = (path: string) => excludePrefixes.some((p) => p === '' || path === p || path.startsWith(p + '/'));

  const commits = input.commits;
  const graph = graphOf(commits);
  const botFlags = graph.botFlags(options.isBot);
  const { files, people, bots, merges } = aggregate(graph, now, botFlags, aliases);
  const excluded = { bots, merges, binaryOnlyFiles: 0, excludedPaths: 0 };

  // Recent changes per folder: commits by people in the window, each counted once per folder.
  const recentByFolder = new Map<string, number>();
  const folderKeys = new Set<string>();
  const committedAt = graph.committedAt;
  for (let i = 0; i < commits.length; i++) {
    const t = committedAt[i];
    if (t < recentSince || t >= now || graph.isMerge[i] === 1 || botFlags[i] === 1) continue;
    const c = commits[i];
    folderKeys.clear();
    for (const change of c.files) for (const folder of foldersOf(change.path)) folderKeys.add(folder);
    for (const folder of folderKeys) recentByFolder.set(folder, (recentByFolder.get(folder) ?? 0) + 1);
  }

  // The files judged: present at HEAD (or inferred), not excluded, not binary-only.
  const paths: string[] = [];
  const candidates = input.headFiles ?? [...files.keys()];
  for (const path of candidates) {
    if (isExcluded(path)) {
      excluded.excludedPaths++;
      continue;
    }
    const stats = files.get(path);
    if (input.headFiles === undefined && stats && stats.text && stats.net <= 0) continue; // deleted (net line count 0)
    if (stats && !stats.text) {
      excluded.binaryOnlyFiles++;
      continue;
    }
    paths.push(path);
  }
  paths.sort();

  // Authors of each file by DOA.
  const authorsOf: number[][] = paths.map((path) => {
    const stats = files.get(path);
    if (!stats || stats.people.length === 0) return [];
    const doa = stats.people.map((p, i) => degreeOfAuthorship(p === stats.creator, stats.counts[i], stats.total - stats.counts[i]));
    const max = Math.max(...doa);
    return stats.people.filter((_, i) => doa[i] / max > DOA.normalizedThreshold && doa[i] >= DOA.absoluteThreshold);
  });

  const refs = people.map<PersonRef>((p) => ({
    name: p.name,
    email: p.key,
    lastCommitAt: p.last,
    active: p.last >= activeSince,
  }));
  const isActive = (p: number) => refs[p].active;

  // Folders: top level, and the depth-2 leaves that partition the files.
  const topGroups = new Map<string, number[]>();
  const leafGroups = new Map<string, number[]>();
  paths.forEach((path, i) => {
    const segments = path.split('/');
    const top = segments.length > 1 ? segments[0] : '';
    const leaf = segments.length > 2 ? `${segments[0]}/${segments[1]}` : top;
    push(topGroups, top, i);
    push(leafGroups, leaf, i);
  });
  const folder = (path: string, members: number[]): FolderKnowledge => {
    const sets = members.map((i) => authorsOf[i]);
    const tf = truckFactor(sets, refs);
    const active = truckFactor(
      sets.map((s) => s.filter(isActive)),
      refs,
    ).value;
    const distinct = new Set(sets.flat());
    return {
      path,
      files: members.length,
      truckFactor: tf,
      activeOwners: active,
      authors: distinct.size,
      singleAuthorFiles: sets.filter((s) => s.length === 1).length,
      filesAtRisk: sets.filter((s) => s.length > 0 && !s.some(isActive)).length,
      recentChanges: recentByFolder.get(path) ?? 0,
    };
  };
  const topFolders = [...topGroups].map(([path, members]) => folder(path, members)).sort(bySize);
  const leaves = [...leafGroups].map(([path, members]) => folder(path, members)).sort(bySize);

  const allSets = authorsOf;
  const judged = [...topFolders, ...leaves.filter((l) => !topGroups.has(l.path))].filter((f) => f.files >= k.minFolderFiles);
  const singleOwnerFolders = judged
    .filter((f) => f.truckFactor.value === 1)
    .map((f) => ({ path: f.path, files: f.files, person: f.truckFactor.people[0], recentChanges: f.recentChanges }));
  const foldersAtRisk = judged
    .filter((f) => f.activeOwners === 0)
    .map((f) => ({ path: f.path, files: f.files, people: f.truckFactor.people.filter((p) => !p.active), recentChanges: f.recentChanges }))
    .filter((f) => f.people.length > 0);

  return {
    parameters: { ...DOA, inactiveDays: k.inactiveDays, recentDays: k.recentDays, minFolderFiles: k.minFolderFiles },
    fileSource: input.headFiles ? 'head' : 'inferred',
    truckFactor:
      paths.length === 0
        ? insufficient(people.length === 0 ? l10n.t('no commits by people in the history') : l10n.t('no files left after exclusions'))
        : measured(truckFactor(allSets, refs)),
    topFolders,
    treemap: leaves.map((l) => ({
      path: l.path,
      top: l.path.split('/')[0],
      files: l.files,
      activeOwners: l.activeOwners,
      truckFactor: l.truckFactor.value,
      keyPeople: l.truckFactor.people.map((p) => p.name),
      recentChanges: l.recentChanges,
    })),
    singleAuthorFiles: allSets.filter((s) => s.length === 1).length,
    singleOwnerFolders,
    filesAtRisk: allSets.filter((s) => s.length > 0 && !s.some(isActive)).length,
    foldersAtRisk,
    suggestions: suggest(singleOwnerFolders, foldersAtRisk, k, now),
    excluded,
  };
}

/**
 * The greedy truck factor over files given as author lists (indices into `people`): remove the
 * people who author the most files, most first, until more than half the files have no author.
 */
export function truckFactor(authorSets: readonly (readonly number[])[], people: readonly PersonRef[]): TruckFactor {
  const total = authorSets.length;
  const remaining = authorSets.map((s) => s.length);
  let orphans = remaining.filter((n) => n === 0).length;
  const filesWithoutAuthor = orphans;
  const authored = new Map<number, number[]>();
  authorSets.forEach((set, file) => set.forEach((p) => push(authored, p, file)));
  const order = [...authored].sort((a, b) => b[1].length - a[1].length || compare(people[a[0]].email, people[b[0]].email));
  const removed: PersonRef[] = [];
  for (const [person, filesOf] of order) {
    if (orphans > total * DOA.coverage) break;
    removed.push(people[person]);
    for (const f of filesOf) if (--remaining[f] === 0) orphans++;
  }
  return { value: removed.length, people: removed, files: total, filesWithoutAuthor };
}

function suggest(
  single: KnowledgeReport['singleOwnerFolders'],
  atRisk: KnowledgeReport['foldersAtRisk'],
  k: KnowledgeOptions,
  now: number,
): KnowledgeSuggestion[] {
  const month = k.recentDays === 30;
  const changed = (n: number) => {
    const comment = 'A clause about a folder, e.g. "Only Ben knows src/db, which changed 3 times this month."';
    if (n === 0)
      return month
        ? l10n.t({ message: 'which has not changed this month', comment })
        : l10n.t({ message: 'which has not changed in the last {0} days', args: [k.recentDays], comment });
    if (n === 1)
      return month
        ? l10n.t({ message: 'which changed once this month', comment })
        : l10n.t({ message: 'which changed once in the last {0} days', args: [k.recentDays], comment });
    return month
      ? l10n.t({ message: 'which changed {0} times this month', args: [n], comment })
      : l10n.t({ message: 'which changed {0} times in the last {1} days', args: [n, k.recentDays], comment });
  };
  const out: KnowledgeSuggestion[] = [];
  const said = new Set<string>();
  const coveredBy = (path: string, who: string) => {
    const top = path.split('/')[0];
    return top !== path && said.has(`${top}\0${who}`);
  };
  // Folders nobody active knows come first: that knowledge is already leaving.
  for (const f of [...atRisk].sort(topFirst)) {
    const who = f.people.map((p) => p.email).join(',');
    if (coveredBy(f.path, who)) continue;
    said.add(`${f.path}\0${who}`);
    const last = Math.max(...f.people.map((p) => p.lastCommitAt));
    const days = Math.floor((now - last) / DAY);
    const names = listNames(f.people.map((p) => p.name));
    out.push({
      kind: 'adopt',
      folder: f.path,
      people: f.people,
      recentChanges: f.recentChanges,
      text: l10n.t(
        'Most of {0}, {1}, has no active author: {2} last committed {3} days ago. Whoever changes it next could pair with a second person and write down what they learn.',
        display(f.path),
        changed(f.recentChanges),
        names,
        days,
      ),
    });
  }
  for (const f of [...single].sort(topFirst)) {
    if (!f.person.active) continue; // already said under "nobody active knows"
    if (coveredBy(f.path, f.person.email)) continue;
    said.add(`${f.path}\0${f.person.email}`);
    const first = f.person.name.split(' ')[0] || f.person.email;
    out.push({
      kind: 'pair',
      folder: f.path,
      people: [f.person],
      recentChanges: f.recentChanges,
      text: l10n.t(
        'Only {0} knows {1}, {2}. Ask {3} to pair on the next change there, or to record a tour of it.',
        f.person.name,
        display(f.path),
        changed(f.recentChanges),
        first,
      ),
    });
  }
  // Knowledge in use comes first: a folder that changes often and is known by one person is the risk.
  return out
    .sort(
      (a, b) => b.recentChanges - a.recentChanges || (a.kind === b.kind ? 0 : a.kind === 'adopt' ? -1 : 1) || compare(a.folder, b.folder),
    )
    .slice(0, 8);
}

/** Top folders before their subfolders, so a subfolder that says the same as its parent is skipped. */
function topFirst(a: { path: string }, b: { path: string }): number {
  return a.path.split('/').length - b.path.split('/').length || compare(a.path, b.path);
}

function display(path: string): string {
  return path === '' ? l10n.t('the files at the root') : path;
}

function listNames(names: string[]): string {
  return names.length === 0 ? l10n.t('nobody') : listWords(names);
}

/** The folders a path counts towards for "recent changes": its top folder and its depth-2 folder. */
function foldersOf(path: string): string[] {
  const segments = path.split('/');
  if (segments.length === 1) return [''];
  if (segments.length === 2) return [segments[0]];
  return [segments[0], `${segments[0]}/${segments[1]}`];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function bySize(a: FolderKnowledge, b: FolderKnowledge): number {
  return b.files - a.files || compare(a.path, b.path);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
