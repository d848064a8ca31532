/**
 * "Check description": a pull-request description or a Markdown draft of one, weighed for its
 * why (the why check) and its tone (the review-comment tone rules, paragraph by paragraph). Pure.
 */
import type { Finding } from './findings';
import { splitParagraphs } from './paragraphs';
import { checkComment, toneFlags, type CommentRule } from './rules';
import { checkWhy, type ChangeSize, type WhyRule } from './why';

export type DescriptionRule = WhyRule | CommentRule;
export type DescriptionFinding = Finding<DescriptionRule>;

/** Findings in text order; offsets are into `text`. The why hint is `info`, tone problems `warning`. */
export function checkDescription(text: string, size?: ChangeSize): DescriptionFinding[] {
  const findings: DescriptionFinding[] = [];
  const why = checkWhy(text, { size, noun: 'description' });
  if (why) findings.push(why);
  for (const paragraph of splitParagraphs(text)) {
    for (const finding of toneFlags(checkComment(paragraph.text))) {
      findings.push({
        ...finding,
        start: finding.start + paragraph.start,
        end: finding.end + paragraph.start,
        edits: finding.edits?.map((e) => ({ ...e, start: e.start + paragraph.start, end: e.end + paragraph.start })),
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}
