import * as vscode from 'vscode';
import { redact } from '../redact';

/** The one output channel. Every line is redacted, so a token can never reach the log. */
export class Logger implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Multiplier', { log: true });
  private readonly secrets = new Set<string>();

  /** Registers a secret value that must never appear verbatim in the log. */
  addSecret(secret: string): void {
    this.secrets.add(secret);
  }

  info(message: string): void {
    this.channel.info(this.clean(message));
  }

  warn(message: string): void {
    this.channel.warn(this.clean(message));
  }

  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `: ${error.message}` : error !== undefined ? `: ${String(error)}` : '';
    this.channel.error(this.clean(message + detail));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }

  private clean(text: string): string {
    return redact(text, [...this.secrets]);
  }
}
