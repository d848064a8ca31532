// @ts-check
// The PR overview webview: forwards clicks on the buttons the extension rendered, and reports
// every Content-Security-Policy violation, as typed messages. No HTML is built here.
/** @typedef {import('../../src/review/view/overview/protocol').OverviewMessage} OverviewMessage */
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host.
  const vscode = acquireVsCodeApi();
  /** @param {OverviewMessage} message */
  const post = (message) => vscode.postMessage(message);

  document.addEventListener('securitypolicyviolation', (event) => {
    post({ type: 'csp', directive: String(event.effectiveDirective || event.violatedDirective), blocked: String(event.blockedURI || '') });
  });

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button[data-action], button[data-file]') : null;
    if (!target) return;
    const file = target.getAttribute('data-file');
    if (file !== null) {
      post({ type: 'openFile', index: Number(file) });
      return;
    }
    const action = target.getAttribute('data-action');
    // The extension checks the action against its own list.
    if (action) post(/** @type {OverviewMessage} */ ({ type: 'action', action }));
  });
  post({ type: 'ready' });
})();
