/**
 * Who knows a file or folder: recency-weighted contributions from history. Pure.
 *
 * Each commit that touches a file adds `decay × (1 + log2(1 + lines))` to its author's score:
 * a rewrite counts more than a typo fix, but one huge generated commit cannot drown years of work.
 * `decay` halves every `halfLifeDays`, so people who touched the code recently rank first.
 */
import type { Commit, FileOwner } from '../../api';
import { isBotAuthor } from '../../../core/bots';

export { isBotAuthor };

export interface OwnershipOptions {
  halfLifeDays: number;
  /** Reference time for the decay (ms). Shares do not depend on it, only on relative ages. */
  now: number;
  /** People left out; by default bots by the `[bot]` rule (see botAuthors.ts for the configurable one). */
  exclude?: (name: string, email: string) => boolean;
}

interface Contribution {
  name: string;
  nameTime: number;
  commits: number;
  linesChanged: number;
  lastChangedAt: number;
  score: number;
}

export class OwnershipIndex {
  /** path → lower-cased email → contribution */
  private readonly byPath = new Map<string, Map<string, Contribution>>();
  private readonly memo = new Map<string, FileOwner[]>();

  constructor(commits: Iterable<Commit>, options: OwnershipOptions) {
    const exclude = options.exclude ?? isBotAuthor;
    const halfLifeMs = Math.max(options.halfLifeDays, 0.001) * 86_400_000;
    // Emails are shared strings repeated across commits: lower-case each once, not once per commit.
    const keys = new Map<string, string>();
    for (const commit of commits) {
      if (commit.parents.length > 1 || commit.files.length === 0) continue;
      const { name, email, time } = commit.author;
      if (exclude(name, email)) continue;
      let key = keys.get(email);
      if (key === undefined) keys.set(email, (key = email.toLowerCase()));
      const decay = Math.pow(0.5, Math.max(0, options.now - time) / halfLifeMs);
      for (const file of commit.files) {
        const lines = (file.added ?? 0) + (file.deleted ?? 0);
        let people = this.byPath.get(file.path);
        if (!people) this.byPath.set(file.path, (people = new Map()));
        let entry = people.get(key);
        if (!entry) {
          entry = { name, nameTime: time, commits: 0, linesChanged: 0, lastChangedAt: 0, score: 0 };
          people.set(key, entry);
        }
        entry.commits++;
        entry.linesChanged += lines;
        entry.lastChangedAt = Math.max(entry.lastChangedAt, time);
        entry.score += decay * (1 + Math.log2(1 + lines));
        if (time >= entry.nameTime) {
          entry.name = name; // the most recent spelling of a person's name wins
          entry.nameTime = time;
        }
      }
    }
  }

  get fileCount(): number {
    return this.byPath.size;
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

    const total = new Map<string, Contribution>();
    const add = (people: Map<string, Contribution>) => {
      for (const [email, c] of people) {
        const sum = total.get(email);
        if (!sum) {
          total.set(email, { ...c });
          continue;
        }
        sum.commits += c.commits;
        sum.linesChanged += c.linesChanged;
        sum.lastChangedAt = Math.max(sum.lastChangedAt, c.lastChangedAt);
        sum.score += c.score;
        if (c.nameTime > sum.nameTime) {
          sum.name = c.name;
          sum.nameTime = c.nameTime;
        }
      }
    };
    for (const [path, people] of this.byPath) {
      if (prefixes.some((prefix) => covers(prefix, path))) add(people);
    }
    const scoreSum = [...total.values()].reduce((s, c) => s + c.score, 0);
    const owners: FileOwner[] = [...total].map(([email, c]) => ({
      email,
      name: c.name,
      commits: c.commits,
      linesChanged: c.linesChanged,
      lastChangedAt: c.lastChangedAt,
      weight: scoreSum > 0 ? c.score / scoreSum : 0,
    }));
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
