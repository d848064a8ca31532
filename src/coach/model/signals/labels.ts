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
