import * as vscode from 'vscode';
import type { EditorNudgeService } from '../controller';
import { describeInstant } from '../../core/time/wallclock';

/**
 * One small status item, present only while a focus block runs. The focus commands refresh it;
 * its only timer runs during a block, to hide it at the end. It does not subscribe to
 * onDidChange, so a window without focus arms no clock timer at start-up.
 */
export class FocusStatus implements vscode.Disposable {
  private item: vscode.StatusBarItem | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  // Context keys start unset (falsy), so a window without focus sets nothing at start-up.
  private shownActive = false;

  constructor(private readonly nudges: EditorNudgeService) {
    this.refresh();
  }

  refresh(): void {
    clearTimeout(this.timer);
    const until = this.nudges.focusUntil();
    this.setContext(until !== undefined);
    if (until === undefined) {
      this.item?.hide();
      return;
    }
    const item = (this.item ??= this.createItem());
    const time = describeInstant(until, Date.now(), this.nudges.settings().timeZone);
    item.text = `$(eye-closed) Focus until ${time}`;
    item.tooltip = `Multiplier focus block until ${time}: nudges wait in their views. Click to stop.`;
    item.show();
    // Focus blocks are at most 12 hours, far below setTimeout's ~24.8-day ceiling.
    this.timer = setTimeout(() => this.refresh(), Math.max(0, until - Date.now()) + 250);
  }

  /** `multiplier.focusActive` shows "Stop Focus Block" in the palette only while a block runs. */
  private setContext(active: boolean): void {
    if (this.shownActive !== active) {
      this.shownActive = active;
      void vscode.commands.executeCommand('setContext', 'multiplier.focusActive', active);
    }
  }

  private createItem(): vscode.StatusBarItem {
    const item = vscode.window.createStatusBarItem('multiplier.focus', vscode.StatusBarAlignment.Left, 0);
    item.name = 'Multiplier Focus';
    item.command = 'multiplier.focus.stop';
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item?.dispose();
  }
}
