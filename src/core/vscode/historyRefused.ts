/**
 * What a view that needs git history says about a repository git refuses to read because another
 * user owns it ("dubious ownership"): one sentence per repository, with the `safe.directory`
 * command that trusts it. The Coach and Team Health say it the same way; each names what it
 * cannot do without the history.
 */
import * as vscode from 'vscode';
import type { Event } from '../event';

/** A repository git refuses and the command that trusts it (the git capability's UnsafeRepository). */
interface RefusedRepository {
  path: string;
  fix: string;
}

/** The git capability's record of refused repositories, as much of it as this needs. */
interface RefusalSource {
  readonly unsafeRepositories: readonly RefusedRepository[];
  readonly onDidChangeUnsafe: Event<readonly RefusedRepository[]>;
}

/** `cannot`: what the view cannot do without history, e.g. "the coach cannot suggest who knows this code". */
function historyRefusedNotices(repositories: readonly RefusedRepository[], cannot: string): string[] {
  return repositories.map((repository) =>
    vscode.l10n.t(
      'Git refuses to read {0} because another user owns it, so {1}. If you trust this folder, run: {2}',
      repository.path,
      cannot,
      repository.fix,
    ),
  );
}

/** Calls `show` with the notices now and whenever git refuses another repository (or trusts one again). */
export function followHistoryRefusals(git: RefusalSource, cannot: string, show: (notices: string[]) => void): vscode.Disposable {
  show(historyRefusedNotices(git.unsafeRepositories, cannot));
  const subscription = git.onDidChangeUnsafe((repositories) => show(historyRefusedNotices(repositories, cannot)));
  return new vscode.Disposable(() => subscription.dispose());
}
