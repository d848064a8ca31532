/**
 * The extension's global state, read and written through one EchoSafeState per extension context,
 * so a stale echo from VS Code never takes back a snooze, a mute or the first-run record
 * (core/echoSafeState.ts says how). Every capability asks here instead of `context.globalState`.
 */
import type * as vscode from 'vscode';
import type { Clock } from '../clock';
import { EchoSafeState, type StateStore } from '../echoSafeState';
import type { Logger } from './logger';

const perContext = new WeakMap<vscode.ExtensionContext, EchoSafeState>();

export function globalStateOf(context: vscode.ExtensionContext, clock: Clock, log?: Logger): StateStore {
  let state = perContext.get(context);
  if (!state) {
    state = new EchoSafeState(
      context.globalState,
      () => clock.now(),
      (message) => log?.warn(message),
    );
    perContext.set(context, state);
  }
  return state;
}
