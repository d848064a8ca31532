/**
 * One Team Health report: every family of figures over one period, computed from one input. Pure:
 * the caller passes "now", the period and every parameter; the result is plain JSON-safe data (what
 * the dashboard receives and the export writes).
 */
import * as l10n from '@vscode/l10n';
import { describeFigures, type About, type FigureId } from './definitions';
import { computeDora, selectReleases, type DoraReport } from './dora';
import { computeFlow, type FlowReport } from './flow';
import { graphOf } from './graph';
import type { HealthInput } from './input';
import { computeKnowledge, type KnowledgeReport } from './knowledge';
import { resolveOptions, safeRegExp, type HealthOptions } from './options';
import { weeklyPeriod, type Week } from './period';
import { computeReviewLoad, type ReviewLoadReport } from './reviewLoad';

export const HEALTH_REPORT_VERSION = 1;

export interface HealthReport {
  version: typeof HEALTH_REPORT_VERSION;
  repoRoot: string;
  /** The report's "now" (ms). */
  generatedAt: number;
  period: { start: number; end: number; weeks: Week[]; timeZone?: string };
  businessHours: boolean;
  flow: FlowReport;
  dora: DoraReport;
  knowledge: KnowledgeReport;
  reviewLoad: ReviewLoadReport;
  /** Definition, data, exclusions and citation of every figure. */
  about: Record<FigureId, About>;
  /** Caveats about the data as a whole (shallow clone, guessed file list, bad patterns). */
  notes: string[];
}

export function computeHealth(input: HealthInput, options: HealthOptions): HealthReport {
  const steps = healthSteps(input, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same report in steps, with `pause()` awaited between them (the editor passes one that yields
 * to the event loop), so no single stretch of work holds the extension host for the whole report.
 */
export async function computeHealthInSteps(input: HealthInput, options: HealthOptions, pause: () => Promise<void>): Promise<HealthReport> {
  const steps = healthSteps(input, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** The report's families one after the other; each `yield` is a point where the caller may pause. */
function* healthSteps(input: HealthInput, options: HealthOptions): Generator<void, HealthReport> {
  const resolved = resolveOptions(options);
  const period = weeklyPeriod(resolved.now, resolved.weeks, resolved.timeZone);
  const graph = graphOf(input.commits);
  yield;
  const releases = selectReleases(input, resolved);
  const firstRelease = graph.firstReleases(releases);
  const flow = computeFlow(input, graph, releases, firstRelease, period, resolved);
  yield;
  const dora = computeDora(input, graph, releases, firstRelease, period, resolved);
  yield;
  const knowledge = computeKnowledge(input, resolved);
  yield;
  const reviewLoad = computeReviewLoad(input, period, resolved);

  const notes: string[] = [];
  if (input.shallow) {
    notes.push(l10n.t('This is a shallow clone: the oldest history is missing, so first authorship and old lead times may be wrong.'));
  }
  if (knowledge.fileSource === 'inferred') {
    notes.push(l10n.t('The file list was inferred from history (files whose line count is above zero), not read from HEAD.'));
  }
  const invalid: [string | undefined, (pattern: string) => string][] = [
    [resolved.release.pattern, (p) => l10n.t('The release pattern /{0}/ is not a valid regular expression; it matches nothing.', p)],
    [
      resolved.failure.hotfixSubject,
      (p) => l10n.t('The hotfix subject pattern /{0}/ is not a valid regular expression; it matches nothing.', p),
    ],
    [
      resolved.failure.hotfixBranch,
      (p) => l10n.t('The hotfix branch pattern /{0}/ is not a valid regular expression; it matches nothing.', p),
    ],
  ];
  for (const [pattern, note] of invalid) if (!safeRegExp(pattern).valid) notes.push(note(pattern ?? ''));

  return {
    version: HEALTH_REPORT_VERSION,
    repoRoot: input.repoRoot,
    generatedAt: resolved.now,
    period: { start: period.start, end: period.end, weeks: period.weeks, timeZone: period.timeZone },
    businessHours: resolved.businessHours !== undefined,
    flow,
    dora,
    knowledge,
    reviewLoad,
    about: describeFigures(resolved, flow, dora, knowledge, reviewLoad),
    notes,
  };
}
