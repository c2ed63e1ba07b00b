import { describe, expect, it } from 'vitest';
import { watchCandidates } from '../../../src/media/candidate-watch';
import { FakeClock } from '../support/fake-clock';

/** The part of RTCPeerConnection the watch uses: its gathering state and two events. */
class FakePeerConnection extends EventTarget {
  iceGatheringState: RTCIceGatheringState = 'new';

  candidate(line: string | null): void {
    const candidate = line === null ? null : { candidate: line, type: null };
    this.dispatchEvent(Object.assign(new Event('icecandidate'), { candidate }));
  }

  gathering(state: RTCIceGatheringState): void {
    this.iceGatheringState = state;
    this.dispatchEvent(new Event('icegatheringstatechange'));
  }
}

const HOST = 'candidate:1 1 udp 2122260224 127.0.0.1 50000 typ host generation 0';

function setup() {
  const clock = new FakeClock();
  const pc = new FakePeerConnection();
  const watch = watchCandidates(pc as unknown as RTCPeerConnection, { timers: clock, relayOnly: false, requestedAt: 0 });
  return { clock, pc, watch };
}

describe('watchCandidates', () => {
  it('decides "complete" when gathering completed during setLocalDescription, before start', async () => {
    const { clock, pc, watch } = setup();
    pc.gathering('gathering');
    pc.candidate(HOST);
    pc.gathering('complete');
    clock.advance(5);
    watch.start();
    expect(await watch.decision).toMatchObject({ ok: true, outcome: 'complete', candidates: { host: 1 } });
    expect(clock.pendingCount).toBe(0);
  });

  it('decides "complete" at start when the state is already complete and no event will come', async () => {
    const { clock, pc, watch } = setup();
    pc.iceGatheringState = 'complete';
    watch.start();
    expect(await watch.decision).toMatchObject({ ok: true, outcome: 'complete', elapsedMs: 0 });
    expect(clock.pendingCount).toBe(0);
  });

  it('decides "complete" on the end-of-candidates event', async () => {
    const { clock, pc, watch } = setup();
    watch.start();
    pc.candidate(HOST);
    clock.advance(3);
    pc.candidate(null);
    expect(await watch.decision).toMatchObject({ ok: true, outcome: 'complete', elapsedMs: 3 });
  });

  it('decides "cap" with the host candidates when gathering never completes', async () => {
    const { clock, pc, watch } = setup();
    watch.start();
    pc.candidate(HOST);
    clock.advance(250);
    expect(await watch.decision).toMatchObject({ ok: true, outcome: 'cap', elapsedMs: 250, candidates: { host: 1 } });
  });

  it('resolves with no decision when cancelled', async () => {
    const { clock, pc, watch } = setup();
    watch.start();
    watch.cancel();
    pc.gathering('complete');
    expect(await watch.decision).toBeUndefined();
    expect(clock.pendingCount).toBe(0);
  });
});
