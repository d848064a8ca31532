import * as vscode from 'vscode';
import { reviewDraftGlob } from '../source/settings';
import { splitParagraphs } from '../model/paragraphs';
import { proposeRewrites } from '../model/rewrites';
import { checkComment } from '../model/rules';

const SOURCE = 'Multiplier';

function isDraft(document: vscode.TextDocument): boolean {
  const glob = reviewDraftGlob();
  return glob !== '' && document.languageId === 'markdown' && vscode.languages.match({ pattern: glob }, document) > 0;
}

/**
 * Optional: the review-comment check as Information diagnostics on Markdown review drafts matching
 * `multiplier.coach.reviewDraftGlob`, with the rewrites as quick fixes. Off while the glob is empty.
 */
export function registerDraftDiagnostics(): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('multiplier.coach');
  const update = (document: vscode.TextDocument): void => {
    if (!isDraft(document)) {
      collection.delete(document.uri);
      return;
    }
    const diagnostics: vscode.Diagnostic[] = [];
    for (const paragraph of splitParagraphs(document.getText())) {
      const whole = new vscode.Range(document.positionAt(paragraph.start), document.positionAt(paragraph.start + paragraph.text.length));
      for (const finding of checkComment(paragraph.text)) {
        const range =
          finding.start !== undefined && finding.end !== undefined && finding.end > finding.start
            ? new vscode.Range(document.positionAt(paragraph.start + finding.start), document.positionAt(paragraph.start + finding.end))
            : new vscode.Range(whole.start, whole.start.translate(0, Math.min(1, paragraph.text.length)));
        const diagnostic = new vscode.Diagnostic(range, finding.message, vscode.DiagnosticSeverity.Information);
        diagnostic.source = SOURCE;
        diagnostic.code = finding.rule;
        diagnostics.push(diagnostic);
      }
    }
    collection.set(document.uri, diagnostics);
  };

  const actions: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, context) {
      const ours = context.diagnostics.filter((d) => d.source === SOURCE);
      if (ours.length === 0) return [];
      const offset = document.offsetAt(ours[0].range.start);
      const paragraph = splitParagraphs(document.getText()).find((p) => offset >= p.start && offset <= p.start + p.text.length);
      if (!paragraph) return [];
      const range = new vscode.Range(document.positionAt(paragraph.start), document.positionAt(paragraph.start + paragraph.text.length));
      return proposeRewrites(paragraph.text, checkComment(paragraph.text)).map((rewrite, index) => {
        const action = new vscode.CodeAction(rewrite.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, range, rewrite.text);
        action.diagnostics = ours;
        action.isPreferred = index === 0;
        return action;
      });
    },
  };

  // Drafts already open at start-up; nothing happens while the setting is empty (the default).
  if (reviewDraftGlob() !== '') vscode.workspace.textDocuments.forEach(update);
  return vscode.Disposable.from(
    collection,
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, actions, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeTextDocument((e) => update(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('multiplier.coach.reviewDraftGlob')) vscode.workspace.textDocuments.forEach(update);
    }),
  );
}
