/**
 * The Team Health dashboard's HTML shell. Everything it shows is drawn by the bundled script from
 * one `health/report` message, so the document itself holds no data. Pure: no `vscode` import.
 *
 * Policy: nothing but our own script (by nonce) and our own stylesheet (by the webview's source);
 * no inline styles, no eval. The first report may ride along as a JSON data block, which is never run. Chart.js sets canvas sizes through the CSSOM, which the policy allows.
 */

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

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

export function renderHealthHtml(res: HealthHtmlResources): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(healthContentSecurityPolicy(res.cspSource, res.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(res.styleUri)}">
<title>Team Health</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="muted">Reading history…</p></main>
${res.initial === undefined ? '' : `<script type="application/json" id="initial" nonce="${escapeAttribute(res.nonce)}">${jsonForScript(res.initial)}</script>\n`}<script nonce="${escapeAttribute(res.nonce)}" src="${escapeAttribute(res.scriptUri)}"></script>
</body>
</html>`;
}
