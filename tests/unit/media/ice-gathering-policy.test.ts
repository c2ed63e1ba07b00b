import { describe, expect, it } from 'vitest';
import { IceGatheringPolicy, type GatheringDecision } from '../../../src/media/ice-gathering-policy';
import type { IceGatheringTimings } from '../../../src/sip/media-port';
import { FakeClock } from '../support/fake-clock';

function setup(options: { relayOnly?: boolean; hostOnly?: boolean; requestedAt?: number; timings?: Partial<IceGatheringTimings> } = {}) {
  const clock = new FakeClock();
  const decisions: GatheringDecision[] = [];
  const policy = new IceGatheringPolicy({
    timers: clock,
    relayOnly: options.relayOnly ?? false,
    hostOnly: options.hostOnly ?? false,
    requestedAt: options.requestedAt ?? 0,
    ...(options.timings ? { timings: options.timings } : {}),
    onDecision: (d) => decisions.push(d),
  });
  return { clock, decisions, policy };
}

describe('IceGatheringPolicy', () => {
  it('sends 20 ms after the last host candidate when no STUN or TURN server is configured', () => {
    const { clock, decisions, policy } = setup({ hostOnly: true });
    policy.start();
    clock.advance(3);
    policy.candidate('host');
    clock.advance(2);
    policy.candidate('host');
    clock.advance(19);
    expect(decisions).toEqual([]);
    clock.advance(1);
    expect(decisions).toEqual([{ ok: true, outcome: 'quiet', elapsedMs: 25, candidates: { host: 2, srflx: 0, prflx: 0, relay: 0 } }]);
    expect(clock.pendingCount).toBe(0);
  });

  it('still sends at completion when it comes before host candidates go quiet', () => {
    const { clock, decisions, policy } = setup({ hostOnly: true });
    policy.start();
    policy.candidate('host');
    clock.advance(5);
    policy.complete();
    expect(decisions).toMatchObject([{ outcome: 'complete', elapsedMs: 5 }]);
  });

  it('sends as soon as the browser completes gathering', () => {
    const { clock, decisions, policy } = setup();
    policy.start();
    clock.advance(5);
    policy.candidate('host');
    clock.advance(3);
    policy.complete();
    expect(decisions).toEqual([{ ok: true, outcome: 'complete', elapsedMs: 8, candidates: { host: 1, srflx: 0, prflx: 0, relay: 0 } }]);
    expect(clock.pendingCount).toBe(0);
  });

  it('sends 100 ms after a server-reflexive candidate when no other candidate follows', () => {
    const { clock, decisions, policy } = setup();
    policy.start();
    policy.candidate('host');
    clock.advance(40);
    policy.candidate('srflx');
    clock.advance(99);
    expect(decisions).toEqual([]);
    clock.advance(1);
    expect(decisions).toEqual([{ ok: true, outcome: 'quiet', elapsedMs: 140, candidates: { host: 1, srflx: 1, prflx: 0, relay: 0 } }]);
  });

  it('restarts the quiet period when another candidate arrives', () => {
    const { clock, decisions, policy } = setup({ timings: { capMs: 1000 } });
    policy.start();
    policy.candidate('srflx');
    clock.advance(80);
    policy.candidate('relay');
    clock.advance(80);
    expect(decisions).toEqual([]);
    clock.advance(20);
    expect(decisions[0]).toMatchObject({ outcome: 'quiet', elapsedMs: 180 });
  });

  it('does not start the quiet period for host candidates alone', () => {
    const { clock, decisions, policy } = setup({ timings: { capMs: 1000 } });
    policy.start();
    policy.candidate('host');
    policy.candidate('host');
    clock.advance(999);
    expect(decisions).toEqual([]);
  });

  it('sends at the 250 ms cap with host candidates when the STUN server never answers', () => {
    const { clock, decisions, policy } = setup();
    policy.start();
    clock.advance(2);
    policy.candidate('host');
    clock.advance(247);
    expect(decisions).toEqual([]);
    clock.advance(1);
    expect(decisions).toEqual([{ ok: true, outcome: 'cap', elapsedMs: 250, candidates: { host: 1, srflx: 0, prflx: 0, relay: 0 } }]);
    expect(clock.pendingCount).toBe(0);
  });

  it('counts the cap from the request, so getUserMedia time is part of it', () => {
    const { clock, decisions, policy } = setup({ requestedAt: 0 });
    clock.advance(180); // getUserMedia and createOffer
    policy.start();
    policy.candidate('host');
    clock.advance(69);
    expect(decisions).toEqual([]);
    clock.advance(1);
    expect(decisions[0]).toMatchObject({ outcome: 'cap', elapsedMs: 250 });
  });

  it('still waits 30 ms after setLocalDescription when getUserMedia alone took longer than the cap', () => {
    const { clock, decisions, policy } = setup({ requestedAt: 0 });
    clock.advance(400);
    policy.start();
    clock.advance(1);
    policy.candidate('host');
    clock.advance(28);
    expect(decisions).toEqual([]);
    clock.advance(1);
    expect(decisions[0]).toMatchObject({ outcome: 'cap', elapsedMs: 430 });
  });

  it('sends on the first candidate when the cap passed before any candidate arrived', () => {
    const { clock, decisions, policy } = setup();
    policy.start();
    clock.advance(300);
    expect(decisions).toEqual([]);
    policy.candidate('host');
    expect(decisions[0]).toMatchObject({ outcome: 'cap', elapsedMs: 300 });
  });

  it('sends when gathering completes quickly with host candidates only and no STUN or TURN configured', () => {
    const { clock, decisions, policy } = setup();
    policy.start();
    policy.candidate('host');
    policy.candidate('host');
    clock.advance(4);
    policy.complete();
    expect(decisions[0]).toMatchObject({ ok: true, outcome: 'complete', elapsedMs: 4 });
  });

  it('counts candidates reported before start, as Chromium does for pooled candidates', () => {
    const { clock, decisions, policy } = setup();
    policy.candidate('host');
    policy.candidate('srflx');
    policy.start();
    clock.advance(100);
    expect(decisions[0]).toMatchObject({ outcome: 'quiet', candidates: { host: 1, srflx: 1 } });
  });

  it('uses a configured cap', () => {
    const { clock, decisions, policy } = setup({ timings: { capMs: 60 } });
    policy.start();
    policy.candidate('host');
    clock.advance(60);
    expect(decisions[0]).toMatchObject({ outcome: 'cap', elapsedMs: 60 });
  });

  it('uses a configured quiet period', () => {
    const { clock, decisions, policy } = setup({ timings: { quietMs: 10 } });
    policy.start();
    policy.candidate('srflx');
    clock.advance(10);
    expect(decisions[0]).toMatchObject({ outcome: 'quiet', elapsedMs: 10 });
  });

  it('decides once, whatever happens afterwards', () => {
    const { clock, decisions, policy } = setup();
    policy.start();
    policy.candidate('host');
    policy.complete();
    policy.complete();
    policy.candidate('srflx');
    clock.advance(1000);
    expect(decisions).toHaveLength(1);
    expect(policy.decided).toBe(true);
  });

  it('never decides after cancel and leaves no timer behind', () => {
    const { clock, decisions, policy } = setup();
    policy.start();
    policy.candidate('srflx');
    policy.cancel();
    clock.advance(10_000);
    policy.complete();
    expect(decisions).toEqual([]);
    expect(clock.pendingCount).toBe(0);
  });

  describe('with the relay-only transport policy', () => {
    it('waits past the normal cap and sends once the first relay candidate went quiet', () => {
      const { clock, decisions, policy } = setup({ relayOnly: true });
      policy.start();
      clock.advance(700);
      expect(decisions).toEqual([]);
      policy.candidate('relay');
      clock.advance(100);
      expect(decisions).toEqual([{ ok: true, outcome: 'quiet', elapsedMs: 800, candidates: { host: 0, srflx: 0, prflx: 0, relay: 1 } }]);
    });

    it('ignores host and server-reflexive candidates', () => {
      const { clock, decisions, policy } = setup({ relayOnly: true, timings: { relayCapMs: 2000 } });
      policy.start();
      policy.candidate('host');
      policy.candidate('srflx');
      clock.advance(1999);
      expect(decisions).toEqual([]);
    });

    it('fails when gathering completes without a relay candidate', () => {
      const { clock, decisions, policy } = setup({ relayOnly: true });
      policy.start();
      clock.advance(20);
      policy.complete();
      expect(decisions).toEqual([{ ok: false, reason: 'no-relay', elapsedMs: 20, candidates: { host: 0, srflx: 0, prflx: 0, relay: 0 } }]);
    });

    it('fails at its own 5 s cap when the TURN server never answers', () => {
      const { clock, decisions, policy } = setup({ relayOnly: true });
      policy.start();
      clock.advance(4999);
      expect(decisions).toEqual([]);
      clock.advance(1);
      expect(decisions[0]).toMatchObject({ ok: false, reason: 'no-relay', elapsedMs: 5000 });
    });

    it('counts its cap from setLocalDescription rather than from the request', () => {
      const { clock, decisions, policy } = setup({ relayOnly: true, requestedAt: 0, timings: { relayCapMs: 1000 } });
      clock.advance(300);
      policy.start();
      clock.advance(999);
      expect(decisions).toEqual([]);
      clock.advance(1);
      expect(decisions[0]).toMatchObject({ ok: false, elapsedMs: 1300 });
    });

    it('sends at the relay cap when relay candidates keep trickling in', () => {
      const { clock, decisions, policy } = setup({ relayOnly: true, timings: { relayCapMs: 300, quietMs: 100 } });
      policy.start();
      for (let t = 0; t < 300; t += 50) {
        policy.candidate('relay');
        clock.advance(50);
      }
      expect(decisions[0]).toMatchObject({ ok: true, outcome: 'cap', elapsedMs: 300 });
    });
  });
});
