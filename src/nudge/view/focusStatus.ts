import * as vscode from 'vscode';
import type { Clock, Timer } from '../../core/clock';
import { describeInstant } from '../../core/time/wallclock';
import type { NudgeController } from '../controller';

/**
 * One small status item, present only while a focus block runs. The focus commands refresh it;
 * its only timer runs during a block, to hide it at the end. It does not subscribe to
 * onDidChange, so a window without focus arms no clock timer at start-up.
 */
export class FocusStatus implements vscode.Disposable {
  private item: vscode.StatusBarItem | undefined;
  private timer: Timer | undefined;
  private readonly jump: { dispose(): void };
  // Context keys start unset (falsy), so a window without focus sets nothing at start-up.
  private shownActive = false;

  constructor(
    private readonly nudges: NudgeController,
    private readonly clock: Clock,
  ) {
    this.jump = clock.onDidJump(() => this.refresh());
    this.refresh();
  }

  refresh(): void {
    this.timer?.dispose();
    const until = this.nudges.focusUntil();
    this.setContext(until !== undefined);
    if (until === undefined) {
      this.item?.hide();
      return;
    }
    const item = (this.item ??= this.createItem());
    const time = describeInstant(until, this.clock.now(), this.nudges.settings().timeZone);
    item.text = `$(eye-closed) ${vscode.l10n.t('Focus until {0}', time)}`;
    item.tooltip = vscode.l10n.t('Multiplier focus block until {0}: nudges wait in their views. Click to stop.', time);
    item.show();
    this.timer = this.clock.at(until + 250, () => this.refresh());
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
    item.name = vscode.l10n.t('Multiplier Focus');
    item.command = 'multiplier.focus.stop';
    return item;
  }

  dispose(): void {
    this.timer?.dispose();
    this.jump.dispose();
    this.item?.dispose();
  }
}
