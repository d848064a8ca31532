import * as vscode from 'vscode';
import type { Logger } from '../../core/vscode/logger';
import type { NudgeSettings } from '../api';
import { NUDGE_SETTING_KEYS, normalizeNudgeSettings, type RawNudgeSettings } from '../policy/settings';

/**
 * Reads `multiplier.nudges.*` and `multiplier.workingHours.*` once and again only after they
 * change, so deciding a nudge never touches the configuration service.
 */
export class NudgeSettingsReader implements vscode.Disposable {
  private cached: NudgeSettings | undefined;
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly log: Logger,
    onChanged: () => void,
  ) {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('multiplier.nudges') || e.affectsConfiguration('multiplier.workingHours')) {
        this.cached = undefined;
        onChanged();
      }
    });
  }

  readonly current = (): NudgeSettings => {
    if (!this.cached) {
      const config = vscode.workspace.getConfiguration('multiplier');
      const raw: RawNudgeSettings = {};
      for (const key of NUDGE_SETTING_KEYS) {
        raw[key] = config.get<unknown>(key);
      }
      const { settings, problems } = normalizeNudgeSettings(raw);
      problems.forEach((problem) => this.log.warn(problem));
      this.cached = settings;
    }
    return this.cached;
  };

  dispose(): void {
    this.listener.dispose();
  }
}
