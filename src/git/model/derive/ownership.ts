/**
 * Who knows a file or folder: contributions from history. Pure.
 *
 * Counted commits are non-merge commits with at least one changed file, by anyone but a bot. For
 * the queried files, each person gets (README, "Figures from history"):
 * - `commits`: distinct counted commits that change at least one of them, so a commit touching
 *   five of the files is one commit, not five;
 * - `files`: how many of them the person changed;
 * - `linesChanged`: added + deleted lines in them (a binary file counts 0);
 * - `weight`: their share of the recency-weighted score. Each (commit, file) adds
 *   `decay × (1 + log2(1 + lines))`: a rewrite counts more than a typo fix, but one huge generated
 *   commit cannot drown years of work; `decay` halves every `halfLifeDays`.
 *
 * Layout: typed arrays, no object per (file, person). Each counted commit has an ordinal; each
 * path has its postings, the (ordinal, lines) of every counted commit that changed it. A query
 * walks the postings of the matched paths. For git/git (60k counted commits, 138k file changes)
 * that is ~2 MB instead of ~7 MB of maps and objects.
 */
import type { Commit, FileOwner } from '../../api';
import { isBotAuthor } from '../../../core/bots';
import { isMerge, personKey } from './definitions';

export { isBotAuthor };

export interface OwnershipOptions {
  halfLifeDays: number;
  /** Reference time for the decay (ms). Shares do not depend on it, only on relative ages. */
  now: number;
  /** People left out; by default bots by the `[bot]` rule (see botAuthors.ts for the configurable one). */
  exclude?: (name: string, email: string) => boolean;
}

interface Person {
  email: string;
  name: string;
  nameTime: number;
}

export class OwnershipIndex {
  private readonly pathIds = new Map<string, number>();
  private readonly people: Person[] = [];
  /** Per counted commit (by ordinal): its author (person id), author time, and decay weight. */
  private readonly authorOf: Int32Array;
  private readonly timeOf: Float64Array;
  private readonly decayOf: Float64Array;
  /** Postings per path (CSR): those of path p are at offsets[p] .. offsets[p + 1]. */
  private readonly offsets: Int32Array;
  private readonly postingCommit: Int32Array;
  private readonly postingLines: Int32Array;
  private readonly memo = new Map<string, FileOwner[]>();

  constructor(commits: Iterable<Commit>, options: OwnershipOptions) {
    const exclude = options.exclude ?? isBotAuthor;
    const halfLifeMs = Math.max(options.halfLifeDays, 0.001) * 86_400_000;
    // Emails are shared strings repeated across commits: look each one up once, not once per commit.
    const personOfEmail = new Map<string, number>();
    const personOfKey = new Map<string, number>();
    const counted: Commit[] = [];
    const authors: number[] = [];
    const perPath: number[] = [];
    for (const commit of commits) {
      if (isMerge(commit.parents) || commit.files.length === 0) continue;
      const { name, email, time } = commit.author;
      if (exclude(name, email)) continue;
      let person = personOfEmail.get(email);
      if (person === undefined) {
        const key = personKey(email);
        person = personOfKey.get(key);
        if (person === undefined) {
          personOfKey.set(key, (person = this.people.length));
          this.people.push({ email: key, name, nameTime: time });
        }
        personOfEmail.set(email, person);
      }
      const who = this.people[person];
      if (time >= who.nameTime) {
        who.name = name; // the most recent spelling of a person's name wins
        who.nameTime = time;
      }
      counted.push(commit);
      authors.push(person);
      for (const file of commit.files) {
        let id = this.pathIds.get(file.path);
        if (id === undefined) {
          this.pathIds.set(file.path, (id = perPath.length));
          perPath.push(0);
        }
        perPath[id]++;
      }
    }
    this.authorOf = Int32Array.from(authors);
    this.timeOf = new Float64Array(counted.length);
    this.decayOf = new Float64Array(counted.length);
    this.offsets = new Int32Array(perPath.length + 1);
    for (let p = 0; p < perPath.length; p++) this.offsets[p + 1] = this.offsets[p] + perPath[p];
    this.postingCommit = new Int32Array(this.offsets[perPath.length]);
    this.postingLines = new Int32Array(this.offsets[perPath.length]);
    const cursor = this.offsets.slice(0, perPath.length);
    counted.forEach((commit, ordinal) => {
      const time = commit.author.time;
      this.timeOf[ordinal] = time;
      this.decayOf[ordinal] = Math.pow(0.5, Math.max(0, options.now - time) / halfLifeMs);
      for (const file of commit.files) {
        const at = cursor[this.pathIds.get(file.path)!]++;
        this.postingCommit[at] = ordinal;
        this.postingLines[at] = Math.min((file.added ?? 0) + (file.deleted ?? 0), 0x7fffffff);
      }
    });
  }

  get fileCount(): number {
    return this.pathIds.size;
  }

  /**
   * Owners of the given files or folders together. A folder covers every path under it; '' or '.'
   * is the whole repository. Sorted by weight, descending; weights sum to 1.
   */
  ownersOf(paths: readonly string[]): FileOwner[] {
    const prefixes = [...new Set(paths.map(normalise))].sort();
    const memoKey = prefixes.join('\0');
    const cached = this.memo.get(memoKey);
    if (cached) return cached.map((o) => ({ ...o }));

    const people = this.people.length;
    const commits = new Int32Array(people);
    const files = new Int32Array(people);
    const lines = new Float64Array(people);
    const last = new Float64Array(people);
    const score = new Float64Array(people);
    const lastPath = new Int32Array(people).fill(-1);
    const seen = new Uint8Array(this.authorOf.length);
    for (const [path, id] of this.pathIds) {
      if (!prefixes.some((prefix) => covers(prefix, path))) continue;
      for (let at = this.offsets[id]; at < this.offsets[id + 1]; at++) {
        const ordinal = this.postingCommit[at];
        const person = this.authorOf[ordinal];
        const changed = this.postingLines[at];
        if (!seen[ordinal]) {
          seen[ordinal] = 1; // a commit that changes several of the matched files is one commit
          commits[person]++;
        }
        if (lastPath[person] !== id) {
          lastPath[person] = id;
          files[person]++;
        }
        lines[person] += changed;
        last[person] = Math.max(last[person], this.timeOf[ordinal]);
        score[person] += this.decayOf[ordinal] * (1 + Math.log2(1 + changed));
      }
    }
    let scoreSum = 0;
    for (let p = 0; p < people; p++) scoreSum += score[p];
    const owners: FileOwner[] = [];
    for (let p = 0; p < people; p++) {
      if (commits[p] === 0) continue;
      owners.push({
        email: this.people[p].email,
        name: this.people[p].name,
        commits: commits[p],
        files: files[p],
        linesChanged: lines[p],
        lastChangedAt: last[p],
        weight: scoreSum > 0 ? score[p] / scoreSum : 0,
      });
    }
    owners.sort((a, b) => b.weight - a.weight || b.lastChangedAt - a.lastChangedAt || a.email.localeCompare(b.email));
    this.memo.set(memoKey, owners);
    return owners.map((o) => ({ ...o }));
  }
}

function normalise(path: string): string {
  let p = path
    .replace(/\\/g, '/')
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '');
  if (p === '.') p = '';
  return p;
}

function covers(prefix: string, path: string): boolean {
  return prefix === '' || path === prefix || (path.startsWith(prefix) && path[prefix.length] === '/');
}
