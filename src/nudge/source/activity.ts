/**
 * Editor activity for the deep-work meter: edits and debugging are work; moving around in a file
 * is presence; the window losing focus is away; another file in the active editor is a switch.
 * Only the moments are kept, never what was typed or which file beyond the switch's path.
 */
import * as vscode from 'vscode';
import type { Clock } from '../../core/clock';
import type { Activity } from '../model/deepWork/tracker';

/** Files and notebooks the user works in; not output panes, settings or the scm input box. */
const WORK_SCHEMES = new Set(['file', 'untitled', 'vscode-notebook-cell', 'vscode-remote', 'multiplier-note']);

export function watchActivity(sink: (activity: Activity) => void, clock: Clock): vscode.Disposable {
  let activeFile = vscode.window.activeTextEditor?.document.uri.toString();
  const work = (): void => sink({ at: clock.now(), kind: 'work' });
  const disposables: vscode.Disposable[] = [
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 && WORK_SCHEMES.has(e.document.uri.scheme)) work();
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      // Only the user's own moves: a programmatic selection (an extension, a command) is not presence.
      if (
        e.kind !== undefined &&
        e.kind !== vscode.TextEditorSelectionChangeKind.Command &&
        WORK_SCHEMES.has(e.textEditor.document.uri.scheme)
      )
        sink({ at: clock.now(), kind: 'presence' });
    }),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      if (WORK_SCHEMES.has(e.textEditor.document.uri.scheme)) sink({ at: clock.now(), kind: 'presence' });
    }),
    vscode.debug.onDidStartDebugSession(work),
    vscode.debug.onDidChangeActiveStackItem(work),
    vscode.debug.onDidChangeBreakpoints(work),
    vscode.window.onDidChangeWindowState((state) => {
      if (!state.focused) sink({ at: clock.now(), kind: 'away' });
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      const uri = editor?.document.uri;
      if (!uri || !WORK_SCHEMES.has(uri.scheme) || uri.toString() === activeFile) return;
      activeFile = uri.toString();
      sink({ at: clock.now(), kind: 'switch', file: activeFile });
    }),
  ];
  return vscode.Disposable.from(...disposables);
}
