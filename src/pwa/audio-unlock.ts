import { createStore, type StoreApi } from 'zustand/vanilla';

/** The part of an AudioContext this module watches. */
export interface AudioContextLike {
  readonly state: string;
  resume(): Promise<void>;
  addEventListener(type: 'statechange', listener: () => void): void;
}

/** The part of window that reports user gestures. */
export interface GestureTarget {
  addEventListener(type: 'pointerdown' | 'keydown', listener: () => void, options: { capture: boolean }): void;
  removeEventListener(type: 'pointerdown' | 'keydown', listener: () => void, options: { capture: boolean }): void;
}

export interface SoundState {
  /** The ringer is sounding (or trying to). */
  ringing: boolean;
  /** The browser lets the page play sound (the AudioContext runs). */
  running: boolean;
}

/** Rings while sound is blocked: the "Sound is blocked" banner shows then. */
export const selectSoundBlocked = (state: SoundState): boolean => state.ringing && !state.running;

export interface AudioUnlock<Context extends AudioContextLike> {
  readonly sound: StoreApi<SoundState>;
  /** The page's one AudioContext, made on first use. */
  context(): Context;
  /** Resumes the context; from a user gesture this unblocks sound. */
  unlock(): Promise<void>;
  setRinging(ringing: boolean): void;
}

/**
 * Browsers keep audio suspended until the user interacts with the page. The first pointer or key
 * gesture anywhere resumes the shared AudioContext, so a call that arrives later rings. If one
 * rings before that, `sound` says so and the UI offers a button to enable sound: never a silent ring.
 */
export function createAudioUnlock<Context extends AudioContextLike>(
  createContext: () => Context,
  gestures: GestureTarget,
  onResumeError: (error: unknown) => void,
): AudioUnlock<Context> {
  const sound = createStore<SoundState>()(() => ({ ringing: false, running: false }));
  let context: Context | undefined;
  const ensure = (): Context => {
    if (!context) {
      const made = createContext();
      made.addEventListener('statechange', () => sound.setState({ running: made.state === 'running' }));
      sound.setState({ running: made.state === 'running' });
      context = made;
    }
    return context;
  };
  const unlock = async () => {
    const made = ensure();
    if (made.state === 'running') return;
    try {
      await made.resume();
    } catch (error) {
      onResumeError(error);
    }
    sound.setState({ running: made.state === 'running' });
  };
  const options = { capture: true };
  const onGesture = () => {
    void unlock().then(() => {
      if (!sound.getState().running) return;
      gestures.removeEventListener('pointerdown', onGesture, options);
      gestures.removeEventListener('keydown', onGesture, options);
    });
  };
  gestures.addEventListener('pointerdown', onGesture, options);
  gestures.addEventListener('keydown', onGesture, options);

  return {
    sound,
    context: ensure,
    unlock,
    setRinging: (ringing) => sound.setState({ ringing }),
  };
}
