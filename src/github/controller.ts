/**
 * The GitHub source's one stateful object: which API and repositories the settings name, which
 * credential to use for it, and the per-account response caches. Connections are made on
 * demand; nothing here talks to GitHub until a capability asks.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { Emitter } from '../core/event';
import type { Logger } from '../core/vscode/logger';
import type { GitHubApi, GitHubChange, GitHubConfig, GitHubConnection } from './api';
import { AccountCaches } from './model/accountCaches';
import { legacySecretKeyFor, secretKeyFor } from './model/credentials';
import { repoFromRemote, webHostOf } from './model/remotes';
import { resolveToken, type ResolvedToken } from './source/auth';
import { accountKey, cacheFilePath, loadCacheFile, saveCacheFile } from './source/cacheFile';
import { GitHubClient } from './source/client';
import { readGitHubConfig } from './source/config';

export class GitHubController implements GitHubApi, vscode.Disposable {
  private readonly changed = new Emitter<GitHubChange>();
  readonly onDidChange = this.changed.event;
  private readonly caches = new AccountCaches();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Logger,
    private readonly clock: Clock,
  ) {
    this.disposables = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('multiplier.github')) this.changed.fire('settings');
      }),
      vscode.authentication.onDidChangeSessions((e) => {
        if (e.provider.id === 'github' || e.provider.id === 'github-enterprise') this.changed.fire('account');
      }),
    ];
  }

  config(): GitHubConfig {
    return readGitHubConfig();
  }

  repoOfRemote(remoteUrl: string): string | undefined {
    const config = this.config();
    const web = config.problem ? undefined : webHostOf(config.apiUrl);
    return web ? repoFromRemote(remoteUrl, web) : undefined;
  }

  async connect(): Promise<GitHubConnection | undefined> {
    const { apiUrl, problem } = this.config();
    if (problem) return undefined; // a refused API URL gets no credential and no request
    const resolved = await resolveToken(this.context.secrets, apiUrl);
    return resolved && this.connectWith(apiUrl, resolved);
  }

  /** The only path that may show a sign-in prompt (the Sign in command). */
  async signInInteractively(): Promise<boolean> {
    const { apiUrl, problem } = this.config();
    if (problem) return false;
    const resolved = await resolveToken(this.context.secrets, apiUrl, true);
    if (resolved) this.accountChanged(resolved.token);
    return resolved !== undefined;
  }

  /** Saves a personal access token for the configured API's origin (scheme, host, port) in SecretStorage. */
  async saveToken(token: string): Promise<void> {
    const { apiUrl, problem } = this.config();
    const key = secretKeyFor(apiUrl);
    if (problem || !key) throw new Error(problem ?? 'The GitHub API URL is not valid.');
    this.log.addSecret(token);
    await this.context.secrets.store(key, token);
    this.accountChanged(token);
  }

  /** Forgets the token saved for the configured API's origin, and any host-only key an earlier version saved. */
  async clearToken(): Promise<void> {
    const { apiUrl } = this.config();
    for (const key of [secretKeyFor(apiUrl), legacySecretKeyFor(apiUrl)]) if (key) await this.context.secrets.delete(key);
    this.accountChanged();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.changed.dispose();
  }

  /** Another credential: cached responses of the old one must not answer for the new one. */
  private accountChanged(token?: string): void {
    if (token) this.log.addSecret(token);
    this.caches.clear();
    this.changed.fire('account');
  }

  private async connectWith(apiUrl: string, resolved: ResolvedToken): Promise<GitHubConnection> {
    this.log.addSecret(resolved.token);
    const account = accountKey(apiUrl, resolved.token);
    const file = cacheFilePath(path.join(this.context.globalStorageUri.fsPath, 'github-cache'), account);
    const cache = await this.caches.get(account, () => loadCacheFile(file));
    const requests = new GitHubClient({ apiUrl, token: resolved.token, account, cache, now: () => this.clock.now() });
    const saved = cache;
    return {
      requests,
      save: async () => {
        if (!saved.isDirty) return;
        try {
          await saveCacheFile(file, saved.snapshot(this.clock.now()));
        } catch (error) {
          this.log.warn(`github: could not save the response cache: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    };
  }
}
