import type { TimerHandle, Timers } from '../ports';

/**
 * Named one-shot timers of one state machine ("B", "F", "H"…): starting a slot
 * replaces its previous timer, and clearAll() on termination leaves nothing behind.
 */
export class TimerSlots<Name extends string> {
  readonly #handles = new Map<Name, TimerHandle>();
  readonly #timers: Timers;

  constructor(timers: Timers) {
    this.#timers = timers;
  }

  start(name: Name, ms: number, fire: () => void): void {
    this.clear(name);
    this.#handles.set(
      name,
      this.#timers.setTimeout(() => {
        this.#handles.delete(name);
        fire();
      }, ms),
    );
  }

  clear(name: Name): void {
    const handle = this.#handles.get(name);
    if (handle === undefined) return;
    this.#timers.clearTimeout(handle);
    this.#handles.delete(name);
  }

  clearAll(): void {
    for (const handle of this.#handles.values()) this.#timers.clearTimeout(handle);
    this.#handles.clear();
  }
}
