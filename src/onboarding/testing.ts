/** Test seam (harness builds only): what the first-run check decided, and what it stored. */
import type * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { globalStateOf } from '../core/vscode/globalState';
import { FIRST_RUN_KEY, type FirstRun, type Onboarding } from './register';

export function onboardingTestApi(onboarding: Onboarding, context: vscode.ExtensionContext, clock: Clock) {
  return {
    firstRun: () => ({ decision: onboarding.decision(), stored: globalStateOf(context, clock).get<FirstRun>(FIRST_RUN_KEY) }),
  };
}
