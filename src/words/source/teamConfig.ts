/**
 * `.multiplier/config.json`, read only in a trusted workspace, watched, and reported with line and
 * column as diagnostics on the file itself when it has mistakes.
 */
import * as vscode from 'vscode';
import { wordsEngine } from '../engine';
import type { ConfigProblem, TeamConfig } from '../model/teamConfig';

const CONFIG_GLOB = '.multiplier/config.json';

export class TeamConfigSource implements vscode.Disposable {
  private config: TeamConfig = {};
  private problemsByFile = new Map<string, ConfigProblem[]>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('multiplier.words.config');
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private loading: Promise<void> | undefined;

  constructor(private readonly onError: (message: string, error: unknown) => void) {
    this.disposables.push(this.changed);
  }

  /** Starts reading and watching (trusted workspaces only); resolves after the first read. */
  start(): Promise<void> {
    if (this.loading) return this.loading;
    if (!vscode.workspace.isTrusted) {
      this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.start()));
      return Promise.resolve();
    }
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_GLOB}`);
    const reload = () => void this.refresh();
    this.disposables.push(
      watcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.uri.path.endsWith(`/${CONFIG_GLOB}`)) reload();
      }),
    );
    this.loading = this.read();
    return this.loading;
  }

  /**
   * Reads the file again now (before a check a user asked for): file watchers can be late or
   * missing for a folder created after start-up, and the file is small.
   */
  async refresh(): Promise<void> {
    await this.start();
    if (vscode.workspace.isTrusted) this.loading = this.loading!.then(() => this.read());
    await this.loading;
  }

  get current(): TeamConfig {
    return this.config;
  }

  get problems(): { file: string; problems: ConfigProblem[] }[] {
    return [...this.problemsByFile].map(([file, problems]) => ({ file, problems }));
  }

  private async read(): Promise<void> {
    const merged: TeamConfig = {};
    const problemsByFile = new Map<string, ConfigProblem[]>();
    this.diagnostics.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, CONFIG_GLOB);
      let text: string;
      try {
        text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      } catch (error) {
        if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound'))
          this.onError(`could not read ${uri.fsPath}`, error);
        continue;
      }
      // Parsed by the words engine, with its JSON parser: loaded only when a team file exists.
      const { config, problems } = wordsEngine().parseTeamConfig(text);
      merged.conventionalComments ??= config.conventionalComments;
      if (problems.length > 0) {
        problemsByFile.set(uri.fsPath, problems);
        const document = { positionAt: (offset: number) => positionAt(text, offset) };
        this.diagnostics.set(
          uri,
          problems.map((p) => {
            const d = new vscode.Diagnostic(
              new vscode.Range(document.positionAt(p.start), document.positionAt(p.end)),
              vscode.l10n.t('{0} (line {1}, column {2})', p.message, p.line, p.column),
              vscode.DiagnosticSeverity.Error,
            );
            d.source = 'Multiplier';
            return d;
          }),
        );
      }
    }
    this.config = merged;
    this.problemsByFile = problemsByFile;
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function positionAt(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return new vscode.Position(line, offset - (before.lastIndexOf('\n') + 1));
}
