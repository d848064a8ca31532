/**
 * Findings where the text is, as you type: review drafts (one comment per paragraph), Markdown
 * drafts of pull-request descriptions (the why check and tone), and retro notes (the blame check),
 * as diagnostics with hovers and quick fixes.
 */
import * as vscode from 'vscode';
import type { Clock } from '../../core/clock';
import type { NotesApi } from '../../notes/api';
import { wordsEngine } from '../engine';
import type { Finding } from '../model/findings';
import type { CommentCheckOptions } from '../model/rules';
import { descriptionDraftGlob, reviewDraftGlob } from '../source/settings';
import { diagnosticFor, SOURCE } from './findings';

const NOTE_SCHEME = 'multiplier-note';

type DraftKind = 'review' | 'description' | 'retro';

export interface DraftDeps {
  notes: NotesApi;
  clock: Clock;
  conventionalComments: () => CommentCheckOptions['conventionalComments'];
}

function matches(glob: string, document: vscode.TextDocument): boolean {
  return glob !== '' && document.languageId === 'markdown' && vscode.languages.match({ pattern: glob }, document) > 0;
}

/** "Ada Lovelace" is also "Ada" in a retro's sentences. */
function withFirstNames(names: readonly string[]): string[] {
  return [...new Set(names.flatMap((n) => [n, n.split(/\s+/)[0]]).filter((n) => n.length >= 3))];
}

export class DraftDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('multiplier.words.drafts');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private readonly pending = new Map<string, { dispose(): void }>();

  constructor(private readonly deps: DraftDeps) {
    this.disposables.push(
      vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, this, {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
      }),
      vscode.workspace.onDidOpenTextDocument((d) => this.update(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('multiplier.coach.reviewDraftGlob') || e.affectsConfiguration('multiplier.words')) this.updateAll();
      }),
      // A retro note may open before the notes store knows its kind; look again once it does.
      deps.notes.onDidChange(() => this.updateAll(NOTE_SCHEME)),
    );
    this.updateAll();
  }

  private kindOf(document: vscode.TextDocument): DraftKind | undefined {
    if (document.uri.scheme === NOTE_SCHEME) return this.deps.notes.kindOf(document.uri) === 'retro' ? 'retro' : undefined;
    if (matches(reviewDraftGlob(), document)) return 'review';
    if (matches(descriptionDraftGlob(), document)) return 'description';
    return undefined;
  }

  updateAll(scheme?: string): void {
    for (const document of vscode.workspace.textDocuments) if (!scheme || document.uri.scheme === scheme) this.update(document);
  }

  /** Typing bursts are checked once they pause. */
  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.pending.get(key)?.dispose();
    this.pending.set(
      key,
      this.deps.clock.after(200, () => {
        this.pending.delete(key);
        this.update(document);
      }),
    );
  }

  private findings(document: vscode.TextDocument, kind: DraftKind): { finding: Finding; offset: number; length: number }[] {
    const { checkBlame, checkComment, checkDescription, participantsInNote, splitParagraphs } = wordsEngine();
    const text = document.getText();
    if (kind === 'retro')
      return checkBlame(text, { participants: withFirstNames(participantsInNote(text)) }).map((finding) => ({
        finding,
        offset: 0,
        length: text.length,
      }));
    if (kind === 'description') return checkDescription(text).map((finding) => ({ finding, offset: 0, length: text.length }));
    const options = { conventionalComments: this.deps.conventionalComments() };
    return splitParagraphs(text).flatMap((p) =>
      checkComment(p.text, options).map((finding) => ({ finding, offset: p.start, length: p.text.length })),
    );
  }

  update(document: vscode.TextDocument): void {
    const kind = this.kindOf(document);
    if (!kind || document.isClosed) {
      this.collection.delete(document.uri);
      return;
    }
    this.collection.set(
      document.uri,
      this.findings(document, kind).map(({ finding, offset, length }) => diagnosticFor(document, finding, offset, length)),
    );
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === SOURCE);
    const kind = ours.length > 0 ? this.kindOf(document) : undefined;
    if (!kind) return [];
    const { applyEdits, checkComment, proposeRewrites, splitParagraphs } = wordsEngine();
    const text = document.getText();
    if (kind !== 'review') {
      // Blame and tone findings with a mechanical fix: one quick fix each.
      return this.findings(document, kind)
        .filter(
          ({ finding }) => finding.edits && ours.some((d) => d.code === finding.rule && document.offsetAt(d.range.start) === finding.start),
        )
        .map(({ finding }) => {
          const action = new vscode.CodeAction(vscode.l10n.t('Rewrite "{0}"', finding.words), vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(
            document.uri,
            new vscode.Range(document.positionAt(0), document.positionAt(text.length)),
            applyEdits(text, finding.edits ?? []),
          );
          action.diagnostics = ours;
          return action;
        });
    }
    const offset = document.offsetAt(ours[0].range.start);
    const paragraph = splitParagraphs(text).find((p) => offset >= p.start && offset <= p.start + p.text.length);
    if (!paragraph) return [];
    const range = new vscode.Range(document.positionAt(paragraph.start), document.positionAt(paragraph.start + paragraph.text.length));
    const options = { conventionalComments: this.deps.conventionalComments() };
    return proposeRewrites(paragraph.text, checkComment(paragraph.text, options), options).map((rewrite, index) => {
      const action = new vscode.CodeAction(rewrite.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, range, rewrite.text);
      action.diagnostics = ours;
      action.isPreferred = index === 0;
      return action;
    });
  }

  dispose(): void {
    for (const p of this.pending.values()) p.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
