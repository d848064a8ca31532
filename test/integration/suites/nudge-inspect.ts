// Shared by the nudge suites (main and reload phases); not a suite itself (no .test.ts suffix).
import { multiplier } from '../host/api';

/** A kind no capability uses, so muting it cannot silence anything else in the run. */
export const TEST_KIND = 'integration.persisted-mute';

interface Inspection {
  state: { neverKinds: string[]; focusUntil?: number };
  focusActive: boolean;
  quietReason?: string;
  decision?: { channel: string; reason: string };
}

export async function inspect(kind?: string): Promise<Inspection> {
  const req = kind ? { kind, id: `${kind}#1`, title: 't', why: 'w', wantsToast: true } : undefined;
  return (await multiplier()).nudges.state(req);
}
