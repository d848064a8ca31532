/** Test seam (harness builds only): the Coach's model and HTML, and its view's messages. */
import type { Clock } from '../core/clock';
import type { NotesApi } from '../notes/api';
import type { NudgeApi } from '../nudge/api';
import { runCoachAction } from './actions';
import type { Coach } from './register';
import { isWebviewMessage } from './view/protocol';

export function coachTestApi(coach: Coach, deps: { nudges: NudgeApi; notes: NotesApi; clock: Clock }) {
  return {
    /** Starts the coach if needed and evaluates now. */
    state: () => coach.loop.evaluate(),
    html: () => ({ resolved: coach.view.isResolved(), html: coach.view.html() }),
    /** What the detectors see now, before muting, snoozes and dismissals hide anything: proof an event arrived. */
    activeSignals: () =>
      coach.controller.activeSignals().map(({ signal, role }) => ({ kind: signal.kind, key: signal.key, summary: signal.summary, role })),
    /** Sends a message as the Coach view would; resolves with the model after it took effect. */
    message: async (message: unknown) => {
      if (isWebviewMessage(message) && (await runCoachAction(message, { coach: coach.controller, ...deps }))) await coach.loop.evaluate();
      return coach.controller.current();
    },
  };
}
