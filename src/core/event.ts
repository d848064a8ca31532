/**
 * A minimal event, usable from pure code (no `vscode` import). Same call shape as vscode.Event,
 * so an editor layer can hand it to anything expecting `(listener) => Disposable`.
 */
export type Listener<T> = (e: T) => void;

export interface Event<T> {
  (listener: Listener<T>): { dispose(): void };
}

/** Owns the listeners of one Event. Fire is synchronous; a throwing listener does not stop the rest. */
export class Emitter<T> {
  private listeners = new Set<Listener<T>>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // One faulty listener must not starve the others.
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
