import * as vscode from 'vscode';
import type { DeepWorkSettings } from '../deepWorkMeter';

const DEFAULT_GOAL_HOURS = 20;

/** `multiplier.deepWork.*`, read once and again only after a change. A bad goal becomes the default. */
export class DeepWorkSettingsReader implements vscode.Disposable {
  private cached: DeepWorkSettings | undefined;
  private readonly listener: vscode.Disposable;

  constructor(onChanged: () => void) {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('multiplier.deepWork')) {
        this.cached = undefined;
        onChanged();
      }
    });
  }

  readonly current = (): DeepWorkSettings => {
    if (!this.cached) {
      const config = vscode.workspace.getConfiguration('multiplier.deepWork');
      const goal = config.get<unknown>('weeklyGoalHours');
      this.cached = {
        enabled: config.get<unknown>('enabled') !== false,
        goalHours: typeof goal === 'number' && Number.isFinite(goal) && goal >= 1 && goal <= 80 ? goal : DEFAULT_GOAL_HOURS,
      };
    }
    return this.cached;
  };

  dispose(): void {
    this.listener.dispose();
  }
}
