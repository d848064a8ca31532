import * as l10n from '@vscode/l10n';
import { translatedTable } from '../../../core/translatedTable';
import type { SignalKind } from './types';

/** Human names for signal kinds: the view's heading and the settings' descriptions. */
export const SIGNAL_LABELS = translatedTable<SignalKind, string>(() => ({
  'long-uncommitted': l10n.t('Long uncommitted work'),
  'repeated-failure': l10n.t('Repeated failures'),
  'error-churn': l10n.t('Errors that stay'),
  'ageing-branch': l10n.t('Ageing branch'),
  'back-and-forth': l10n.t('Back-and-forth edits'),
  'single-author': l10n.t('Only one person knows this file'),
}));

/** What prompts of a kind are about, for sentences: "No more prompts about repeated failures." */
export const SIGNAL_TOPICS = translatedTable<SignalKind, string>(() => ({
  'long-uncommitted': l10n.t('long uncommitted work'),
  'repeated-failure': l10n.t('repeated failures'),
  'error-churn': l10n.t('errors that stay'),
  'ageing-branch': l10n.t('ageing branches'),
  'back-and-forth': l10n.t('back-and-forth edits'),
  'single-author': l10n.t('files only one person knows'),
}));
