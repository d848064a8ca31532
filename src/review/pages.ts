/**
 * The pull request pages' footprint at activation: their commands and the `multiplier-pr:` file
 * system, registered as stubs that load the rest on first use. The rest (src/review/pagesRuntime.ts)
 * is a bundle of its own, dist/pr-pages.js, so a user who never opens a pull request in the editor
 * never parses it, and activation never requires it.
 */
import { join } from 'node:path';
import * as vscode from 'vscode';
import { lazyModule } from '../core/lazyModule';
import type { CommandTable } from '../core/vscode/commands';
import { firstUseFileSystem } from '../core/vscode/firstUse';
import type { OpenInEditorOutcome, PullRequestRef } from './api';
import { PR_CONTENT_SCHEME } from './model/contentUri';
import { PAGE_COMMANDS } from './pageCommands';
import type * as Runtime from './pagesRuntime';

const runtimeModule = lazyModule<typeof Runtime>({ bundled: join(__dirname, 'pr-pages.js'), source: join(__dirname, 'pagesRuntime') });

export type PagesDeps = Runtime.PagesRuntimeDeps;

export class PullRequestPages implements vscode.Disposable {
  private loaded: Runtime.PagesRuntime | undefined;

  constructor(private readonly deps: PagesDeps) {}

  /** True once the bundle was loaded (for the test API: activation must not load it). */
  get isLoaded(): boolean {
    return this.loaded !== undefined;
  }

  /** The pages, loading their bundle on the first call. */
  runtime(): Runtime.PagesRuntime {
    if (this.loaded) return this.loaded;
    const started = performance.now();
    let module: typeof Runtime;
    try {
      module = runtimeModule();
    } catch (error) {
      throw new Error(`The pull request pages could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.loaded = module.createPagesRuntime(this.deps);
    this.deps.log.info(`review: pull request pages loaded in ${(performance.now() - started).toFixed(1)} ms`);
    return this.loaded;
  }

  /** Any pull request of the configured GitHub in the overview (Team Health's merged ones too). */
  openPullRequest(ref: PullRequestRef): Promise<OpenInEditorOutcome> {
    return this.runtime().pulls.openPullRequest(ref);
  }

  /** Command stubs: each loads the implementation on its first run. */
  commands(): CommandTable {
    return Object.fromEntries(PAGE_COMMANDS.map((id) => [id, (node?: unknown) => this.runtime().pulls.commands()[id](node)]));
  }

  /** Registers the read-only file system behind the diffs; its methods load the bundle on their first call. */
  registerFileSystem(): vscode.Disposable {
    const provider = firstUseFileSystem(() => this.runtime().files);
    return vscode.Disposable.from(
      provider,
      vscode.workspace.registerFileSystemProvider(PR_CONTENT_SCHEME, provider, { isReadonly: true, isCaseSensitive: true }),
    );
  }

  dispose(): void {
    this.loaded?.dispose();
  }
}
