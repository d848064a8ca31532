/**
 * The words capability's one stateful object: the team's choices (setting or
 * `.multiplier/config.json`) that decide how strict the checks are, and the checks themselves as
 * other capabilities and the views call them.
 */
import type { WordsApi } from './api';
import { wordsEngine } from './engine';
import type { DescriptionFinding } from './model/description';
import type { CommentFinding } from './model/rules';
import type { ConventionalMode, TeamConfig } from './model/teamConfig';
import type { ChangeSize } from './model/why';

export interface WordsControllerOptions {
  /** The user's own setting, when set; it wins over the team file. */
  userConventionalComments: () => ConventionalMode | undefined;
  /** The team file's choices (empty until read, and in an untrusted workspace). */
  teamConfig: () => TeamConfig;
}

export class WordsController implements WordsApi {
  constructor(private readonly options: WordsControllerOptions) {}

  /** How strictly Conventional Comments labels are checked, and who decided it. */
  conventionalComments(): { mode: ConventionalMode; from: 'setting' | 'team' | 'default' } {
    const user = this.options.userConventionalComments();
    if (user) return { mode: user, from: 'setting' };
    const team = this.options.teamConfig().conventionalComments;
    if (team) return { mode: team, from: 'team' };
    return { mode: 'off', from: 'default' };
  }

  checkReviewComment(text: string): CommentFinding[] {
    return wordsEngine().checkComment(text, { conventionalComments: this.conventionalComments().mode });
  }

  checkDescription(text: string, size?: ChangeSize): DescriptionFinding[] {
    return wordsEngine().checkDescription(text, size);
  }
}
