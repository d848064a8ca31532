/** Findings as diagnostics: the one mapping every words view uses (severity, range, source, code). */
import * as vscode from 'vscode';
import type { Finding } from '../model/findings';

export const SOURCE = 'Multiplier';

/** A diagnostic for a finding in `document`, `offset` being where the checked text starts. */
export function diagnosticFor(document: vscode.TextDocument, finding: Finding, offset = 0, textLength?: number): vscode.Diagnostic {
  const start = document.positionAt(offset + finding.start);
  // A finding about the whole text (a missing label) is shown on its first character.
  const end =
    finding.end > finding.start
      ? document.positionAt(offset + finding.end)
      : document.positionAt(offset + Math.min(finding.start + 1, textLength ?? finding.start + 1));
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(start, end),
    finding.message,
    finding.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
  );
  diagnostic.source = SOURCE;
  diagnostic.code = finding.rule;
  return diagnostic;
}
