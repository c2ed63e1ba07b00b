import { describe, expect, it } from 'vitest';
import { mirrorCallsInMediaSession, type MediaSessionLike } from '../../../src/pwa/call-media-session';
import { createCallsStore } from '../../../src/stores/calls';
import { callLine } from '../support/call-line';

class FakeMediaSession implements MediaSessionLike {
  readonly handlers = new Map<string, () => void>();
  microphoneActive: boolean | undefined;
  setActionHandler(action: string, handler: (() => void) | null): void {
    if (handler) this.handlers.set(action, handler);
    else this.handlers.delete(action);
  }
  setMicrophoneActive(active: boolean): void {
    this.microphoneActive = active;
  }
}

function setup() {
  const calls = createCallsStore();
  const session = new FakeMediaSession();
  const actions: string[] = [];
  mirrorCallsInMediaSession(session, calls, {
    hangup: (id) => void actions.push(`hangup ${id}`),
    decline: (id) => void actions.push(`decline ${id}`),
    setMuted: (id, muted) => {
      actions.push(`mute ${id} ${muted}`);
      calls.getState().updateLine(id, { muted });
    },
  });
  return { calls, session, actions };
}

describe('media session controls during calls', () => {
  it('offers hang-up and microphone only while a call is live', () => {
    const { calls, session } = setup();
    expect(session.handlers.size).toBe(0);
    calls.getState().addLine(callLine({ id: 'a', state: 'established' }));
    expect([...session.handlers.keys()].sort()).toEqual(['hangup', 'togglemicrophone']);
    calls.getState().updateLine('a', { state: 'ended' });
    expect(session.handlers.size).toBe(0);
  });

  it('hangs up the selected call and toggles its microphone, which the session reflects', () => {
    const { calls, session, actions } = setup();
    calls.getState().addLine(callLine({ id: 'a', state: 'established' }));
    expect(session.microphoneActive).toBe(true);
    session.handlers.get('togglemicrophone')!();
    expect(session.microphoneActive).toBe(false);
    session.handlers.get('togglemicrophone')!();
    session.handlers.get('hangup')!();
    expect(actions).toEqual(['mute a true', 'mute a false', 'hangup a']);
  });

  it('declines a call that is still ringing in', () => {
    const { calls, session, actions } = setup();
    calls.getState().addLine(callLine({ id: 'in', direction: 'incoming', state: 'incoming' }));
    session.handlers.get('hangup')!();
    expect(actions).toEqual(['decline in']);
  });

  it('keeps working where the browser lacks the call actions', () => {
    const calls = createCallsStore();
    const session: MediaSessionLike = {
      setActionHandler: () => {
        throw new TypeError('not a valid MediaSessionAction');
      },
    };
    mirrorCallsInMediaSession(session, calls, { hangup: () => undefined, decline: () => undefined, setMuted: () => undefined });
    expect(() => calls.getState().addLine(callLine({ state: 'established' }))).not.toThrow();
  });
});
