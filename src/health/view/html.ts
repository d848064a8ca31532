/**
 * The Team Health dashboard's HTML shell. Everything it shows is drawn by the bundled script from
 * one `health/report` message, so the document itself holds no data. Pure: no `vscode` import.
 *
 * Policy: nothing but our own script (by nonce) and our own stylesheet (by the webview's source);
 * no inline styles, no eval. The first report, and the translation table the page's own text needs
 * (the page cannot read the host's), may ride along as JSON data blocks, which are never run.
 * Chart.js sets canvas sizes through the CSSOM, which the policy allows.
 */
import * as l10n from '@vscode/l10n';
import { escapeHtml, pageLanguage } from '../../core/html';

export interface HealthHtmlResources {
  /** webview.cspSource */
  cspSource: string;
  /** Fresh for every render. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /**
   * The first message for the page (the report, when there is one), carried in the document as a JSON
   * data block, so the page draws it without waiting for a round trip to the extension.
   */
  initial?: unknown;
  /**
   * The translation table (`vscode.l10n.bundle`), which the page hands to its own `@vscode/l10n`;
   * undefined in English, and then the page shows its English text.
   */
  translations?: Record<string, string>;
}

/** JSON that cannot end the `<script>` element holding it, nor start a comment or CDATA section. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function healthContentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource} data:; font-src ${cspSource}`;
}

/** A JSON data block: carried by the document, read by our script, never run. */
function dataBlock(id: string, value: unknown, nonce: string): string {
  return `<script type="application/json" id="${id}" nonce="${escapeHtml(nonce)}">${jsonForScript(value)}</script>\n`;
}

export function renderHealthHtml(res: HealthHtmlResources): string {
  return `<!DOCTYPE html>
<html lang="${pageLanguage()}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(healthContentSecurityPolicy(res.cspSource, res.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(res.styleUri)}">
<title>${escapeHtml(l10n.t('Team Health'))}</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="muted">${escapeHtml(l10n.t('Reading history…'))}</p></main>
${res.translations === undefined ? '' : dataBlock('l10n', res.translations, res.nonce)}${res.initial === undefined ? '' : dataBlock('initial', res.initial, res.nonce)}<script nonce="${escapeHtml(res.nonce)}" src="${escapeHtml(res.scriptUri)}"></script>
</body>
</html>`;
}
