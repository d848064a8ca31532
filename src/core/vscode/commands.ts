import * as vscode from 'vscode';

/** A capability's commands as a table: command id → handler (arguments come from menus, keybindings, tests). */
export type CommandTable = Record<string, (...args: never[]) => unknown>;

/** Registers every command of a table; dispose the result to unregister them all. */
export function registerCommands(table: CommandTable): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(table).map(([id, run]) => vscode.commands.registerCommand(id, run as (...args: unknown[]) => unknown)),
  );
}

/**
 * A table of stand-ins for commands whose handlers live in a bundle loaded on first use: they are
 * registered at activation (the palette and keybindings work at once), and the first one run
 * builds the real table, which loads that bundle.
 */
export function firstUseCommands<Id extends string>(ids: readonly Id[], create: () => Record<Id, CommandTable[string]>): CommandTable {
  let table: Record<Id, CommandTable[string]> | undefined;
  return Object.fromEntries(ids.map((id) => [id, (...args: never[]) => (table ??= create())[id](...args)]));
}
