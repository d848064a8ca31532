import * as vscode from 'vscode';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../model/signals/types';

export const SECTION = 'multiplier.coach';

/** Reads every threshold, falling back to the default for anything missing or not a finite number ≥ 0. */
export function readThresholds(): Thresholds {
  const config = vscode.workspace.getConfiguration(SECTION);
  const out = { ...DEFAULT_THRESHOLDS };
  for (const key of Object.keys(DEFAULT_THRESHOLDS) as (keyof Thresholds)[]) {
    const value = config.get<unknown>(key);
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) out[key] = value;
  }
  return out;
}

export function notificationsEnabled(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>('notifications', false) === true;
}

export function extraPromptsSetting(): unknown {
  return vscode.workspace.getConfiguration(SECTION).get<unknown>('extraPrompts');
}
