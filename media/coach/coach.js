// @ts-check
// The Coach webview: wires the buttons the extension rendered to typed messages. No inline script,
// no HTML building here; the extension renders (and escapes) everything.
/** @typedef {import('../../src/coach/view/protocol').WebviewMessage} WebviewMessage */
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host.
  const vscode = acquireVsCodeApi();
  const answer = /** @type {HTMLTextAreaElement | null} */ (document.getElementById('answer'));
  const prompt = document.querySelector('.prompt');
  const key = prompt ? prompt.getAttribute('data-key') || '' : '';

  // The view re-renders when the model changes; keep what the user typed for the same prompt.
  const saved = vscode.getState() || {};
  if (answer && saved.key === key && typeof saved.answer === 'string') answer.value = saved.answer;
  if (answer) answer.addEventListener('input', () => vscode.setState({ key, answer: answer.value }));

  /** @param {WebviewMessage} message */
  const post = (message) => vscode.postMessage(message);

  document.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement | null} */ (
      event.target instanceof HTMLElement ? event.target.closest('button[data-action]') : null
    );
    if (!target) return;
    const action = target.getAttribute('data-action');
    const buttonKey = target.getAttribute('data-key') || '';
    const text = answer ? answer.value : '';
    switch (action) {
      case 'answerInNote':
        post({ type: 'answerInNote', key: buttonKey, answer: text });
        break;
      case 'copyQuestion':
        post({ type: 'copyQuestion', key: buttonKey, email: target.getAttribute('data-email') || '', answer: text });
        break;
      case 'snooze':
      case 'dismiss':
      case 'never':
        post({ type: action, key: buttonKey });
        break;
      case 'undo':
        post({ type: 'undo', id: Number(target.getAttribute('data-id')) });
        break;
      case 'unmute':
        post({ type: 'unmute', kind: target.getAttribute('data-kind') || '' });
        break;
    }
  });
  post({ type: 'ready' });
})();
