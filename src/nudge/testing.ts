/** Test seam (harness builds only): the scheduler's state and decisions as plain data. */
import type { NudgeRequest } from './api';
import type { NudgeController } from './controller';

export function nudgeTestApi(nudges: NudgeController) {
  return {
    state: (req?: NudgeRequest) => ({
      state: nudges.state,
      focusActive: nudges.isFocusActive(),
      quietReason: nudges.quietReason(),
      decision: req ? nudges.decide(req) : undefined,
    }),
    mute: async (kind: string) => {
      nudges.never(kind);
      await nudges.flushed();
    },
  };
}
