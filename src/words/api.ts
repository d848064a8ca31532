/**
 * What the words capability offers others (the PR overview's "Check description"): the checks,
 * with the team's choices applied. Types and plain data only.
 */
import type { DescriptionFinding } from './model/description';
import type { CommentFinding } from './model/rules';
import type { ChangeSize } from './model/why';

export type { DescriptionFinding } from './model/description';
export type { CommentFinding } from './model/rules';
export type { ChangeSize } from './model/why';

export interface WordsApi {
  /**
   * A pull-request description (or a draft of one): a hint when a non-trivial change says what but
   * not why (`info`), and tone problems paragraph by paragraph (`warning`). Offsets are into `text`.
   */
  checkDescription(text: string, size?: ChangeSize): DescriptionFinding[];
  /** One review comment, with Conventional Comments checked only when the team opted in. */
  checkReviewComment(text: string): CommentFinding[];
}
