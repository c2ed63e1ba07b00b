import { describe, expect, it } from 'vitest';
import { holdWakeLockDuringCalls, type WakeLockSentinelLike } from '../../../src/pwa/call-wake-lock';
import { createCallsStore, selectHasLiveCall } from '../../../src/stores/calls';
import { callLine } from '../support/call-line';

class FakeSentinel implements WakeLockSentinelLike {
  released = false;
  private readonly listeners: (() => void)[] = [];
  addEventListener(_type: 'release', listener: () => void): void {
    this.listeners.push(listener);
  }
  release(): Promise<void> {
    this.released = true;
    this.listeners.forEach((listener) => listener());
    return Promise.resolve();
  }
}

function setup() {
  const calls = createCallsStore();
  const sentinels: FakeSentinel[] = [];
  let visible = true;
  const visibility: (() => void)[] = [];
  holdWakeLockDuringCalls({
    wakeLock: {
      request: () => {
        const sentinel = new FakeSentinel();
        sentinels.push(sentinel);
        return Promise.resolve(sentinel);
      },
    },
    hasLiveCall: () => selectHasLiveCall(calls.getState()),
    onCallsChange: (listener) => calls.subscribe(listener),
    isVisible: () => visible,
    onVisibilityChange: (listener) => {
      visibility.push(listener);
      return () => undefined;
    },
    onError: () => undefined,
  });
  const setVisible = (value: boolean) => {
    visible = value;
    visibility.forEach((listener) => listener());
  };
  return { calls, sentinels, setVisible };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the screen wake lock', () => {
  it('is held during a call and released after it', async () => {
    const { calls, sentinels } = setup();
    expect(sentinels).toHaveLength(0);
    calls.getState().addLine(callLine({ id: 'a' }));
    await settle();
    expect(sentinels).toHaveLength(1);
    calls.getState().updateLine('a', { state: 'established' });
    await settle();
    expect(sentinels).toHaveLength(1);
    calls.getState().updateLine('a', { state: 'ended' });
    expect(sentinels[0]!.released).toBe(true);
  });

  it('is asked for again when the page shows again during the call', async () => {
    const { calls, sentinels, setVisible } = setup();
    calls.getState().addLine(callLine({ id: 'a', state: 'established' }));
    await settle();
    // The browser drops the lock of a hidden page.
    setVisible(false);
    expect(sentinels[0]!.released).toBe(true);
    setVisible(true);
    await settle();
    expect(sentinels).toHaveLength(2);
    expect(sentinels[1]!.released).toBe(false);
  });

  it('lets go of a lock granted after the call already ended', async () => {
    const { calls, sentinels } = setup();
    calls.getState().addLine(callLine({ id: 'a' }));
    calls.getState().updateLine('a', { state: 'ended' });
    await settle();
    expect(sentinels).toHaveLength(1);
    expect(sentinels[0]!.released).toBe(true);
  });
});
