/**
 * No prompt repeats until every other prompt for the same signal and role has been shown. The state
 * is plain data the editor layer persists (a memento), keyed by "signal|role".
 */
export interface RotationState {
  version: 1;
  /** "signal|role" → ids shown in the current cycle, oldest first. */
  shown: Record<string, string[]>;
}

export const EMPTY_ROTATION: RotationState = { version: 1, shown: {} };

export function rotationKey(signal: string, role: string): string {
  return `${signal}|${role}`;
}

/** Reads persisted state defensively: anything unexpected starts a fresh rotation. */
export function loadRotation(value: unknown): RotationState {
  if (typeof value !== 'object' || value === null) return EMPTY_ROTATION;
  const record = value as Partial<RotationState>;
  if (record.version !== 1 || typeof record.shown !== 'object' || record.shown === null) return EMPTY_ROTATION;
  const shown: Record<string, string[]> = {};
  for (const [key, ids] of Object.entries(record.shown)) {
    if (Array.isArray(ids)) shown[key] = ids.filter((id): id is string => typeof id === 'string');
  }
  return { version: 1, shown };
}

/**
 * Picks the first candidate not yet shown in this cycle. When all have been shown, a new cycle
 * starts, skipping the one shown last so the same question never appears twice in a row.
 */
export function nextPrompt<T extends { id: string }>(
  candidates: readonly T[],
  state: RotationState,
  key: string,
): { prompt: T; state: RotationState } | undefined {
  if (candidates.length === 0) return undefined;
  const ids = new Set(candidates.map((c) => c.id));
  // Ids of prompts since removed from the library must not block the cycle from completing.
  const shown = (state.shown[key] ?? []).filter((id) => ids.has(id));
  let cycle = shown;
  let prompt = candidates.find((c) => !cycle.includes(c.id));
  if (!prompt) {
    const last = shown[shown.length - 1];
    cycle = [];
    prompt = candidates.find((c) => c.id !== last) ?? candidates[0];
  }
  return { prompt, state: { version: 1, shown: { ...state.shown, [key]: [...cycle, prompt.id] } } };
}
