/** Anything that releases what it holds (a vscode.Disposable, an event subscription). */
export interface Disposable {
  dispose(): void;
}

/** Collects disposables so nothing a capability registers is forgotten on deactivate. */
export class DisposableStore implements Disposable {
  private readonly items: Disposable[] = [];
  private disposed = false;

  add<T extends Disposable>(item: T): T {
    if (this.disposed) {
      item.dispose();
    } else {
      this.items.push(item);
    }
    return item;
  }

  dispose(): void {
    this.disposed = true;
    // Dispose in reverse order: later registrations may depend on earlier ones.
    for (const item of this.items.splice(0).reverse()) {
      try {
        item.dispose();
      } catch {
        // One faulty disposable must not keep the rest alive.
      }
    }
  }
}
