/** The part of navigator.wakeLock (Screen Wake Lock API) used here. */
export interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

export interface WakeLockSentinelLike {
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}

export interface CallWakeLockOptions {
  wakeLock: WakeLockLike;
  hasLiveCall(): boolean;
  /** Calls `listener` whenever the calls may have changed; returns the unsubscribe. */
  onCallsChange(listener: () => void): () => void;
  isVisible(): boolean;
  /** Calls `listener` when the page's visibility changes; returns the unsubscribe. */
  onVisibilityChange(listener: () => void): () => void;
  onError(error: unknown): void;
}

/**
 * Keeps the screen on while a call is live, so the call controls stay in reach. The browser drops
 * the lock whenever the page is hidden; it is asked for again when the page shows during a call.
 */
export function holdWakeLockDuringCalls(options: CallWakeLockOptions): () => void {
  let sentinel: WakeLockSentinelLike | undefined;
  let requesting = false;

  const update = () => {
    const wanted = options.hasLiveCall() && options.isVisible();
    if (!wanted && sentinel) {
      const held = sentinel;
      sentinel = undefined;
      held.release().catch(options.onError);
    } else if (wanted && !sentinel && !requesting) {
      requesting = true;
      options.wakeLock
        .request('screen')
        .then((granted) => {
          granted.addEventListener('release', () => {
            if (sentinel === granted) sentinel = undefined;
          });
          sentinel = granted;
          requesting = false;
          // The call may have ended while the request was in flight.
          update();
        })
        .catch((error: unknown) => {
          requesting = false;
          options.onError(error);
        });
    }
  };
  const unsubscribe = [options.onCallsChange(update), options.onVisibilityChange(update)];
  update();
  return () => {
    unsubscribe.forEach((off) => off());
    sentinel?.release().catch(options.onError);
    sentinel = undefined;
  };
}
