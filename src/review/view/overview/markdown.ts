/**
 * A pull request's description as HTML for the overview webview, from untrusted Markdown.
 *
 * markdown-it (CommonMark, well kept, no dependencies on the DOM) with raw HTML switched off, so
 * any tag in the text is shown as text. On top of it:
 * - links: only http(s); anything else (command:, file:, javascript:, data:, vscode:) is not a link;
 * - images: never loaded; each becomes a line of text with a link to open it in the browser;
 * - no `style` attributes (table alignment), which the webview's policy would refuse anyway.
 * Text is cleaned of bidi controls and invisible characters first. Pure.
 */
import { escapeHtml } from '../../../core/html';
import type MarkdownIt from 'markdown-it';
import { displayText } from '../../../core/text';

/** Longest description rendered; the rest is cut with a note. */
export const MAX_BODY_CHARS = 64 * 1024;

const WEB_LINK = /^https?:\/\/[^\s]+$/i;

function createRenderer(): MarkdownIt.MarkdownIt {
  // This module is bundled apart and loaded on the first description rendered (see html.ts).
  const MarkdownItParser = require('markdown-it') as typeof MarkdownIt;
  const md = new MarkdownItParser({ html: false, linkify: true, typographer: false });
  md.validateLink = (url: string) => WEB_LINK.test(url.trim());
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const alt = self.renderInlineAsText(token.children ?? [], options, env).trim();
    const src = String(token.attrGet('src') ?? '');
    const label = `<span class="image-note">Image${alt ? `: ${escapeHtml(alt)}` : ''} (not loaded)</span>`;
    return WEB_LINK.test(src) ? `${label} <a href="${escapeHtml(src)}">open in browser</a>` : label;
  };
  md.core.ruler.push('no_style_attributes', (state) => {
    for (const token of state.tokens) {
      if (token.attrs) token.attrs = token.attrs.filter(([name]) => name !== 'style');
    }
  });
  return md;
}

let renderer: MarkdownIt.MarkdownIt | undefined;

export function renderMarkdown(body: string): string {
  renderer ??= createRenderer();
  const clean = displayText(body, { multiline: true, maxLength: MAX_BODY_CHARS });
  const cut = clean.length < body.trim().length && clean.endsWith('…');
  return (
    renderer.render(clean) + (cut ? '<p class="muted">The description is longer than this; open it in the browser for the rest.</p>' : '')
  );
}
