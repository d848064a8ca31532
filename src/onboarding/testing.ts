/** Test seam (harness builds only): what the first-run check decided, and what it stored. */
import type * as vscode from 'vscode';
import { FIRST_RUN_KEY, type FirstRun, type Onboarding } from './register';

export function onboardingTestApi(onboarding: Onboarding, context: vscode.ExtensionContext) {
  return {
    firstRun: () => ({ decision: onboarding.decision(), stored: context.globalState.get<FirstRun>(FIRST_RUN_KEY) }),
  };
}
