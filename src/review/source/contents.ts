/**
 * File contents of a pull request's base and head commits, for the diff without a checkout.
 * Contents at a commit never change, so each is fetched once and kept on disk
 * (`globalStorage/pr-contents/`), which also serves them offline. Files over the size limit are
 * recorded by size only. The overview's last details are kept there too, for offline use.
 * No `vscode` import.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isGitHubError, type GitHubRequests } from '../../github/api';
import type { PullDetails } from '../model/pullDetails';
import { contentProjection, type FileContent } from './detailProjections';

/** Larger files are shown as "too large" rather than diffed (GitHub inlines up to 1 MB). */
export const MAX_CONTENT_BYTES = 1024 * 1024;
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

const enc = (repo: string) => repo.split('/').map(encodeURIComponent).join('/');

export interface ContentRequest {
  apiUrl: string;
  /** `owner/repo` the commit lives in (the head repository for a fork's head side). */
  repo: string;
  sha: string;
  path: string;
}

export interface ContentStats {
  /** Answered from memory or disk. */
  cached: number;
  /** Fetched from GitHub. */
  fetched: number;
}

export class ContentStore {
  readonly stats: ContentStats = { cached: 0, fetched: 0 };
  private readonly memory = new Map<string, FileContent>();
  private readonly inFlight = new Map<string, Promise<FileContent>>();
  private pruned = false;

  constructor(private readonly dir: string) {}

  private key(...parts: string[]): string {
    return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 40);
  }

  /** From memory or disk only: undefined when it was never fetched. */
  async cached(req: ContentRequest): Promise<FileContent | undefined> {
    const key = this.key(req.apiUrl, req.repo, req.sha, req.path);
    const hit = this.memory.get(key) ?? (await this.readJson<FileContent>(`${key}.json`));
    if (hit) this.remember(key, hit);
    return hit;
  }

  /** From the cache, or from GitHub through `requests` (then cached). */
  async read(req: ContentRequest, requests: () => Promise<GitHubRequests | undefined>): Promise<FileContent | undefined> {
    const hit = await this.cached(req);
    if (hit) {
      this.stats.cached++;
      return hit;
    }
    const client = await requests();
    if (!client) return undefined;
    const key = this.key(req.apiUrl, req.repo, req.sha, req.path);
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.fetch(client, req, key).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async fetch(client: GitHubRequests, req: ContentRequest, key: string): Promise<FileContent> {
    const encodedPath = req.path.split('/').map(encodeURIComponent).join('/');
    let content: FileContent;
    try {
      content = await client.get(
        `repos/${enc(req.repo)}/contents/${encodedPath}?ref=${encodeURIComponent(req.sha)}`,
        contentProjection(MAX_CONTENT_BYTES),
      );
    } catch (error) {
      if (isGitHubError(error, 'not-found')) content = { kind: 'missing' };
      else throw error;
    }
    this.stats.fetched++;
    this.remember(key, content);
    await this.writeJson(`${key}.json`, content);
    return content;
  }

  async saveDetails(apiUrl: string, details: PullDetails): Promise<void> {
    await this.writeJson(`details-${this.key(apiUrl, details.pr.key)}.json`, details);
  }

  async loadDetails(apiUrl: string, prKey: string): Promise<PullDetails | undefined> {
    return this.readJson<PullDetails>(`details-${this.key(apiUrl, prKey)}.json`);
  }

  private remember(key: string, content: FileContent): void {
    this.memory.set(key, content);
    // A small memory: the disk holds the rest.
    if (this.memory.size > 200) this.memory.delete(this.memory.keys().next().value!);
  }

  private async readJson<T>(name: string): Promise<T | undefined> {
    try {
      return JSON.parse(await fs.readFile(path.join(this.dir, name), 'utf8')) as T;
    } catch {
      return undefined; // a missing or broken cache file is a miss: caches are disposable
    }
  }

  private async writeJson(name: string, value: unknown): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    if (!this.pruned) {
      this.pruned = true;
      void this.prune();
    }
    const file = path.join(this.dir, name);
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await fs.writeFile(tmp, JSON.stringify(value), 'utf8');
      await fs.rename(tmp, file);
    } catch {
      await fs.rm(tmp, { force: true }).catch(() => undefined); // a full disk costs a cache entry, nothing more
    }
  }

  /** Drops entries unused for a month, once per window. */
  private async prune(): Promise<void> {
    try {
      // Compared with file mtimes, so the file system's clock is the right one here.
      const cutoff = Date.now() - MAX_AGE_MS;
      for (const name of await fs.readdir(this.dir)) {
        const file = path.join(this.dir, name);
        const stat = await fs.stat(file).catch(() => undefined);
        if (stat && stat.mtimeMs < cutoff) await fs.rm(file, { force: true });
      }
    } catch {
      // nothing to prune
    }
  }
}
