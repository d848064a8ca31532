import type { SignalKind } from './types';

/** Human names for signal kinds: the view's heading and the settings' descriptions. */
export const SIGNAL_LABELS: Record<SignalKind, string> = {
  'long-uncommitted': 'Long uncommitted work',
  'repeated-failure': 'Repeated failures',
  'error-churn': 'Errors that stay',
  'ageing-branch': 'Ageing branch',
  'back-and-forth': 'Back-and-forth edits',
  'single-author': 'Only one person knows this file',
};

/** What prompts of a kind are about, for sentences: "No more prompts about repeated failures." */
export const SIGNAL_TOPICS: Record<SignalKind, string> = {
  'long-uncommitted': 'long uncommitted work',
  'repeated-failure': 'repeated failures',
  'error-churn': 'errors that stay',
  'ageing-branch': 'ageing branches',
  'back-and-forth': 'back-and-forth edits',
  'single-author': 'files only one person knows',
};
