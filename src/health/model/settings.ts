/**
 * `multiplier.health.*` as read and checked: what counts as a release, what marks one as failed, the
 * team's targets, business hours, and who is who. Anything malformed falls back to the default, so a
 * typo in settings never breaks the report. Pure: the editor layer hands in a getter.
 */
import type { ReleaseSource } from './input';
import { DEFAULT_FAILURE, DEFAULT_KNOWLEDGE, DEFAULT_RELEASE_PATTERN, type FlowTargets } from './options';

export interface HealthSettings {
  releaseSource: ReleaseSource;
  releasePattern: string;
  deploymentEnvironment: string;
  failureWindowDays: number;
  hotfixSubjectPattern: string;
  hotfixBranchPattern: string;
  targets: FlowTargets;
  /** Count flow durations in working hours of `multiplier.workingHours.*`. */
  businessHours: boolean;
  inactiveDays: number;
  /** Lower-cased e-mail → the e-mail it stands for. */
  authorAliases: Record<string, string>;
  excludePaths: string[];
}

export const DEFAULT_HEALTH_SETTINGS: HealthSettings = {
  releaseSource: 'tag',
  releasePattern: DEFAULT_RELEASE_PATTERN,
  deploymentEnvironment: 'production',
  failureWindowDays: DEFAULT_FAILURE.windowDays,
  hotfixSubjectPattern: DEFAULT_FAILURE.hotfixSubject,
  hotfixBranchPattern: DEFAULT_FAILURE.hotfixBranch,
  targets: {},
  businessHours: false,
  inactiveDays: DEFAULT_KNOWLEDGE.inactiveDays,
  authorAliases: {},
  excludePaths: [],
};

const SOURCES: readonly ReleaseSource[] = ['tag', 'github-release', 'deployment'];

function positive(value: unknown, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.min(value, max) : fallback;
}

function optionalPositive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value.trim() : fallback;
}

/** `get('releaseSource')` reads `multiplier.health.releaseSource`. */
export function readHealthSettings(get: (key: string) => unknown): HealthSettings {
  const d = DEFAULT_HEALTH_SETTINGS;
  const source = get('releaseSource');
  const aliases: Record<string, string> = {};
  const rawAliases = get('authorAliases');
  if (rawAliases && typeof rawAliases === 'object' && !Array.isArray(rawAliases)) {
    for (const [from, to] of Object.entries(rawAliases as Record<string, unknown>)) {
      if (typeof to === 'string' && from.trim() !== '' && to.trim() !== '') aliases[from.trim().toLowerCase()] = to.trim().toLowerCase();
    }
  }
  const excludes = get('excludePaths');
  const targets: FlowTargets = {};
  const pickup = optionalPositive(get('targets.pickupHours'));
  const review = optionalPositive(get('targets.reviewHours'));
  const cycle = optionalPositive(get('targets.cycleHours'));
  const size = optionalPositive(get('targets.prSizeLines'));
  if (pickup !== undefined) targets.pickupHours = pickup;
  if (review !== undefined) targets.reviewHours = review;
  if (cycle !== undefined) targets.cycleHours = cycle;
  if (size !== undefined) targets.prSizeLines = Math.round(size);
  return {
    releaseSource: SOURCES.includes(source as ReleaseSource) ? (source as ReleaseSource) : d.releaseSource,
    releasePattern: text(get('releasePattern'), d.releasePattern),
    deploymentEnvironment: text(get('deploymentEnvironment'), d.deploymentEnvironment),
    failureWindowDays: positive(get('failureWindowDays'), d.failureWindowDays, 365),
    hotfixSubjectPattern: text(get('hotfixSubjectPattern'), d.hotfixSubjectPattern),
    hotfixBranchPattern: text(get('hotfixBranchPattern'), d.hotfixBranchPattern),
    targets,
    businessHours: get('businessHours') === true,
    inactiveDays: positive(get('inactiveDays'), d.inactiveDays, 3650),
    authorAliases: aliases,
    excludePaths: Array.isArray(excludes)
      ? [...new Set(excludes.filter((e): e is string => typeof e === 'string').map((e) => e.trim().replace(/^\.?\/+/, '')))].filter(
          (e) => e !== '',
        )
      : [],
  };
}
