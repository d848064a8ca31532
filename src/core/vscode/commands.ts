import * as vscode from 'vscode';

/** A capability's commands as a table: command id → handler (arguments come from menus, keybindings, tests). */
export type CommandTable = Record<string, (...args: never[]) => unknown>;

/** Registers every command of a table; dispose the result to unregister them all. */
export function registerCommands(table: CommandTable): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(table).map(([id, run]) => vscode.commands.registerCommand(id, run as (...args: unknown[]) => unknown)),
  );
}
