import * as vscode from 'vscode';
import type { Logger } from '../../core/vscode/logger';
import { coachRuntime } from '../load';
import { mergeLibraries, type Prompt } from '../model/prompts/library';
import { extraPromptsSetting } from './settings';

export const TEAM_PROMPTS_PATH = '.multiplier/prompts.json';
const MAX_TEAM_FILE_BYTES = 256 * 1024;

/**
 * The prompt library: shipped, the team's checked-in file (trusted workspaces only: it is
 * repository content), and the user's settings. Loaded on first use and when one of them changes.
 */
export class PromptSources implements vscode.Disposable {
  private library: Prompt[] = [];
  private problems: string[] = [];
  private loaded: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private watcher: vscode.FileSystemWatcher | undefined;

  constructor(
    private readonly log: Logger,
    private readonly onChange: () => void,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('multiplier.coach.extraPrompts')) this.reload();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.loaded) this.watchTeamFile();
        this.reload();
      }),
    );
  }

  /** Resolves once the library is loaded; cheap after the first call. */
  ensureLoaded(): Promise<void> {
    if (!this.loaded) {
      this.watchTeamFile();
      this.loaded = this.load();
    }
    return this.loaded;
  }

  prompts(): readonly Prompt[] {
    return this.library;
  }

  problemLines(): readonly string[] {
    return this.problems;
  }

  private reload(): void {
    this.loaded = this.load().then(() => this.onChange());
  }

  private watchTeamFile(): void {
    if (this.watcher || !vscode.workspace.isTrusted) return;
    this.watcher = vscode.workspace.createFileSystemWatcher(`**/${TEAM_PROMPTS_PATH}`);
    const reload = (): void => this.reload();
    this.disposables.push(
      this.watcher,
      this.watcher.onDidChange(reload),
      this.watcher.onDidCreate(reload),
      this.watcher.onDidDelete(reload),
    );
  }

  private async load(): Promise<void> {
    // The reader and the shipped prompts are in dist/coach.js: this is the first use.
    const { parseSettingsPrompts, shippedPrompts } = coachRuntime();
    const shipped = shippedPrompts();
    const settings = parseSettingsPrompts(extraPromptsSetting());
    const team = vscode.workspace.isTrusted ? await this.readTeamFiles() : { prompts: [], errors: [] };
    this.library = mergeLibraries(shipped.prompts, team.prompts, settings.prompts);
    this.problems = [...shipped.errors, ...team.errors, ...settings.errors];
    for (const problem of this.problems) this.log.warn(`Coach prompts: ${problem}`);
  }

  private async readTeamFiles(): Promise<{ prompts: Prompt[]; errors: string[] }> {
    const prompts: Prompt[] = [];
    const errors: string[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, TEAM_PROMPTS_PATH);
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch {
        continue; // no team file: the common case
      }
      const label = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
      if (bytes.byteLength > MAX_TEAM_FILE_BYTES) {
        errors.push(vscode.l10n.t('{0}: larger than {1} KiB; ignored', label, MAX_TEAM_FILE_BYTES / 1024));
        continue;
      }
      const result = coachRuntime().parsePromptFile(new TextDecoder('utf-8').decode(bytes), label, 'team');
      prompts.push(...result.prompts);
      errors.push(...result.errors);
    }
    return { prompts, errors };
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
