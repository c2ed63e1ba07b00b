import type { Logger } from '../ports';

type Listener<A extends unknown[]> = (...args: A) => void;
// Stored untyped; on()/safeEmit() restore the per-event signature.
type AnyListener = (...args: unknown[]) => void;

/**
 * Typed event emitter. Listeners run through safeEmit: an exception in app code
 * is logged and swallowed so it cannot corrupt core state mid-transition.
 */
export class Emitter<Events extends { [K in keyof Events]: unknown[] }> {
  readonly #listeners = new Map<keyof Events, Set<AnyListener>>();
  readonly #logger: Logger | undefined;

  constructor(logger?: Logger) {
    this.#logger = logger;
  }

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener as AnyListener);
    return () => this.off(event, listener);
  }

  once<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    const off = this.on(event, ((...args: Events[K]) => {
      off();
      listener(...args);
    }) as Listener<Events[K]>);
    return off;
  }

  off<K extends keyof Events>(event: K, listener: Listener<Events[K]>): void {
    this.#listeners.get(event)?.delete(listener as AnyListener);
  }

  protected safeEmit<K extends keyof Events>(event: K, ...args: Events[K]): void {
    const set = this.#listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(...(args as unknown[]));
      } catch (error) {
        this.#logger?.log('error', `listener for "${String(event)}" threw`, error);
      }
    }
  }
}
