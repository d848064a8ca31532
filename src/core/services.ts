import type * as vscode from 'vscode';
import type { Logger } from './logger';

/**
 * What every capability receives from activate(). Capabilities talk to each other only through
 * the small interfaces added here, never by importing each other's internals.
 */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: Logger;
}
