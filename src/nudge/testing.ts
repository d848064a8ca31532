/** Test seam (harness builds only): the scheduler's state and decisions, and the deep-work week, as plain data. */
import type { NudgeRequest } from './api';
import type { NudgeController } from './controller';
import { goalText } from './model/deepWork/summary';

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
    /** This week's deep work, and the status item's text for it; undefined when the meter is off. */
    deepWork: () => {
      const deepWork = nudges.deepWork();
      return deepWork && { ...deepWork, statusText: `Deep work this week: ${goalText(deepWork.week)}` };
    },
  };
}
