/** The part of navigator used for the app icon's badge (Badging API). */
export interface AppBadgeLike {
  setAppBadge?(count?: number): Promise<void>;
  clearAppBadge?(): Promise<void>;
}

/** One number the badge adds up (missed calls not yet seen, unread messages), readable and watchable. */
export interface BadgeCounter {
  get(): number;
  subscribe(listener: () => void): () => void;
}

/** A counter over a zustand store: `select` picks the number out of its state. */
export function storeCounter<S>(store: { getState(): S; subscribe(listener: () => void): () => void }, select: (state: S) => number): BadgeCounter {
  return { get: () => select(store.getState()), subscribe: (listener) => store.subscribe(listener) };
}

export function badgeCount(counters: readonly BadgeCounter[]): number {
  return counters.reduce((total, counter) => total + Math.max(0, counter.get()), 0);
}

/**
 * Keeps the installed app's icon badge at the number of things waiting for the user: missed calls
 * and unread messages. Browsers without the Badging API (or a tab that is not installed) ignore it.
 */
export function keepAppBadge(badge: AppBadgeLike, counters: readonly BadgeCounter[], onError: (error: unknown) => void): () => void {
  let shown: number | undefined;
  const update = () => {
    const count = badgeCount(counters);
    if (count === shown) return;
    shown = count;
    const done = count > 0 ? badge.setAppBadge?.(count) : badge.clearAppBadge?.();
    done?.catch(onError);
  };
  const unsubscribe = counters.map((counter) => counter.subscribe(update));
  update();
  return () => unsubscribe.forEach((off) => off());
}
