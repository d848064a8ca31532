import * as l10n from '@vscode/l10n';

/** Escapes text for HTML element content and quoted attributes: the one escaper every webview page uses. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

/**
 * A translated sentence with markup in its places, e.g. `fillHtml(l10n.t('{0} wants to merge {1}'),
 * who, code)`: the sentence is data and is escaped like any other text; `{0}`, `{1}`… take the
 * fragments, which the caller has escaped or built. Fragments are not scanned again.
 */
export function fillHtml(translated: string, ...fragments: string[]): string {
  return escapeHtml(translated).replace(/\{(\d+)\}/g, (whole, index: string) => fragments[Number(index)] ?? whole);
}

/** The translation's language tag (`en` untranslated): a translation says which language it is. */
export function languageTag(): string {
  return l10n.t({ message: 'en', comment: ['The language tag of this translation (BCP 47), e.g. de or pt-BR'] });
}

/** The page's `lang`, so screen readers pronounce it right. */
export function pageLanguage(): string {
  return escapeHtml(languageTag());
}
