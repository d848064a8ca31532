/**
 * Which releases count, in words, for the definitions (a phrase inside their sentences) and for the
 * dashboard's DORA intro (a sentence of its own). One place, so the two always name the same choice:
 * a pattern on GitHub releases is named in both. Whole translated phrases and sentences per case, so a
 * translator never glues pieces together.
 */
import * as l10n from '@vscode/l10n';
import type { ReleaseSelection } from './options';

/** "tags matching /v.*\/", "GitHub deployments to production"… */
export function releasesInWords(release: ReleaseSelection): string {
  if (release.source === 'tag') return release.pattern ? l10n.t('tags matching /{0}/', release.pattern) : l10n.t('tags');
  if (release.source === 'github-release')
    return release.pattern ? l10n.t('GitHub releases named /{0}/', release.pattern) : l10n.t('GitHub releases');
  return release.environment ? l10n.t('GitHub deployments to {0}', release.environment) : l10n.t('GitHub deployments');
}

/** "Releases are tags matching /v.*\/.", as the dashboard's DORA section opens. */
export function releasesAreSentence(release: ReleaseSelection): string {
  if (release.source === 'tag')
    return release.pattern ? l10n.t('Releases are tags matching /{0}/.', release.pattern) : l10n.t('Releases are tags.');
  if (release.source === 'github-release')
    return release.pattern ? l10n.t('Releases are GitHub releases named /{0}/.', release.pattern) : l10n.t('Releases are GitHub releases.');
  return release.environment
    ? l10n.t('Releases are GitHub deployments to {0}.', release.environment)
    : l10n.t('Releases are GitHub deployments.');
}
