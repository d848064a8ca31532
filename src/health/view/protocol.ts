/**
 * Messages between the extension and the Team Health dashboard webview. The dashboard script
 * (src/health/webview/, bundled to dist/webview/health.js) imports these types, so both sides agree on
 * one definition. Pure: no `vscode` import.
 *
 * The dashboard never navigates: every link is a message here, and the extension decides what opening
 * a pull request or revealing a folder means.
 */
import { FIGURE_IDS, type FigureId } from '../model/definitions';
import type { HealthReport } from '../model/report';

export const HEALTH_PROTOCOL_VERSION = 1;

export type PeriodChoice = 4 | 12 | 26;
export const PERIOD_CHOICES: readonly PeriodChoice[] = [4, 12, 26];

/** Extension → dashboard. */
export type ToDashboard =
  | {
      type: 'health/report';
      protocol: typeof HEALTH_PROTOCOL_VERSION;
      /** Short name of the repository, e.g. the folder name. */
      repoLabel: string;
      /** Other repositories of the workspace the user can switch to. */
      repositories: { root: string; label: string }[];
      weeks: PeriodChoice;
      /** True when GitHub data could be read (signed in); false explains the git-only figures. */
      signedIn: boolean;
      /** What is still being read or computed (GitHub reviews, new commits), when something is. */
      busy?: string;
      /** About the data beyond the report's own notes: which branch was read, why GitHub data is missing. */
      notes?: string[];
      /** Every figure, its definition and exclusions. */
      report: HealthReport;
    }
  /** The report is unchanged; only what is under way changed (undefined: nothing). */
  | { type: 'health/busy'; message?: string }
  | { type: 'health/progress'; message: string; /** 0..1 when known. */ fraction?: number }
  | { type: 'health/error'; message: string }
  /** Scroll to a figure (and its chart), as when it was clicked in the Team Health view. */
  | { type: 'health/reveal'; figure: FigureId };

/** Dashboard → extension. */
export type FromDashboard =
  | { type: 'health/ready' }
  | { type: 'health/setPeriod'; weeks: PeriodChoice }
  | { type: 'health/selectRepository'; root: string }
  | { type: 'health/openPullRequest'; number: number; url?: string }
  | { type: 'health/openCommit'; hash: string }
  | { type: 'health/revealFolder'; path: string }
  | { type: 'health/export' }
  | { type: 'health/signIn' }
  /**
   * A report was drawn, said a frame after the browser painted it: first with the figures and the
   * first charts (`complete: false`), again once every chart is drawn. `renderMs`: since drawing began.
   */
  | { type: 'health/painted'; weeks: number; repoRoot: string; renderMs: number; complete: boolean; theme: string }
  /** The page scrolled to a figure the extension asked for. */
  | { type: 'health/revealed'; figure: FigureId }
  /** The page's Content-Security-Policy blocked something (a `securitypolicyviolation` event). */
  | { type: 'health/cspViolation'; directive: string; blocked: string };

const HASH = /^[0-9a-f]{7,64}$/;

/** Validates a message from the webview: it is untrusted input like any other. */
export function isFromDashboard(value: unknown): value is FromDashboard {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'health/ready':
    case 'health/export':
    case 'health/signIn':
      return true;
    case 'health/setPeriod':
      return PERIOD_CHOICES.includes(m.weeks as PeriodChoice);
    case 'health/selectRepository':
      return typeof m.root === 'string' && m.root.length > 0;
    case 'health/openPullRequest':
      return (
        typeof m.number === 'number' &&
        Number.isInteger(m.number) &&
        m.number > 0 &&
        (m.url === undefined || (typeof m.url === 'string' && /^https:\/\//.test(m.url)))
      );
    case 'health/openCommit':
      return typeof m.hash === 'string' && HASH.test(m.hash);
    case 'health/painted':
      return (
        typeof m.weeks === 'number' &&
        Number.isInteger(m.weeks) &&
        typeof m.repoRoot === 'string' &&
        typeof m.renderMs === 'number' &&
        Number.isFinite(m.renderMs) &&
        m.renderMs >= 0 &&
        typeof m.complete === 'boolean' &&
        typeof m.theme === 'string' &&
        m.theme.length <= 40
      );
    case 'health/revealed':
      return isFigureId(m.figure);
    case 'health/cspViolation':
      return typeof m.directive === 'string' && m.directive.length <= 200 && typeof m.blocked === 'string' && m.blocked.length <= 2000;
    case 'health/revealFolder':
      // Repo-relative: no absolute paths, no climbing out of the repository.
      return typeof m.path === 'string' && !m.path.startsWith('/') && !/(^|\/)\.\.(\/|$)/.test(m.path) && !m.path.includes('\\');
    default:
      return false;
  }
}

export function isFigureId(value: unknown): value is FigureId {
  return typeof value === 'string' && (FIGURE_IDS as readonly string[]).includes(value);
}
