import { lineControls, type CallLine, type CallsState } from '../stores/calls';
import { currentCall } from './current-call';

/** The part of navigator.mediaSession used for calls. */
export interface MediaSessionLike {
  setActionHandler(action: 'hangup' | 'togglemicrophone', handler: (() => void) | null): void;
  setMicrophoneActive?(active: boolean): Promise<void> | void;
}

export interface CallActions {
  hangup(id: string): void;
  decline(id: string): void;
  setMuted(id: string, muted: boolean): void;
}

/**
 * Offers the current call to the system's media controls: the hang-up and microphone buttons of a
 * headset, the browser's media hub, a video-conference keyboard key. The handlers exist only while
 * a call is live, so the keys do nothing to an idle phone.
 */
export function mirrorCallsInMediaSession(
  session: MediaSessionLike,
  calls: { getState(): CallsState; subscribe(listener: (state: CallsState) => void): () => void },
  actions: CallActions,
): () => void {
  let active = false;
  const setHandler = (action: 'hangup' | 'togglemicrophone', handler: (() => void) | null) => {
    try {
      session.setActionHandler(action, handler);
    } catch {
      // Browsers without this action throw a TypeError: the rest still works.
    }
  };
  const withCall = (act: (line: CallLine) => void) => () => {
    const line = currentCall(calls.getState());
    if (line) act(line);
  };
  const update = (state: CallsState) => {
    const line = currentCall(state);
    if (line && !active) {
      setHandler('hangup', withCall((call) => (lineControls(call).decline ? actions.decline(call.id) : actions.hangup(call.id))));
      setHandler('togglemicrophone', withCall((call) => actions.setMuted(call.id, !call.muted)));
    } else if (!line && active) {
      setHandler('hangup', null);
      setHandler('togglemicrophone', null);
    }
    active = line !== undefined;
    if (line) void session.setMicrophoneActive?.(!line.muted);
  };
  update(calls.getState());
  return calls.subscribe(update);
}
