import { describe, expect, it } from 'vitest';
import { ACK_WAIT, Invite2xxRetransmitter } from '../../../src/sip/ua/invite-2xx-retransmitter';
import { FakeClock } from '../support/fake-clock';

function setup(sendOk = true) {
  const clock = new FakeClock();
  const sentAt: number[] = [];
  let timeouts = 0;
  const retransmitter = new Invite2xxRetransmitter({
    timers: clock,
    send: () => {
      sentAt.push(clock.now());
      return sendOk;
    },
    onTimeout: () => timeouts++,
  });
  return { clock, sentAt, retransmitter, timeouts: () => timeouts };
}

describe('Invite2xxRetransmitter (§13.3.1.4)', () => {
  it('re-sends the 2xx at T1, doubling to T2, and gives up after 64·T1 asking for a BYE', () => {
    const { clock, sentAt, retransmitter, timeouts } = setup();
    retransmitter.start();
    clock.advance(ACK_WAIT);
    expect(sentAt.slice(0, 6)).toEqual([500, 1500, 3500, 7500, 11500, 15500]);
    expect(sentAt.every((t) => t < ACK_WAIT)).toBe(true);
    expect(timeouts()).toBe(1);
    expect(retransmitter.state).toBe('timed-out');
    expect(clock.pendingCount).toBe(0);
  });

  it('stops at the ACK', () => {
    const { clock, sentAt, retransmitter, timeouts } = setup();
    retransmitter.start();
    clock.advance(1600);
    retransmitter.ackReceived();
    clock.advance(ACK_WAIT);
    expect(sentAt).toEqual([500, 1500]);
    expect(timeouts()).toBe(0);
    expect(retransmitter.state).toBe('acknowledged');
  });

  it('stops retransmitting when the transport is down but still times out', () => {
    const { clock, sentAt, retransmitter, timeouts } = setup(false);
    retransmitter.start();
    clock.advance(ACK_WAIT);
    expect(sentAt).toEqual([500]);
    expect(timeouts()).toBe(1);
  });

  it('can be stopped', () => {
    const { clock, retransmitter, timeouts } = setup();
    retransmitter.start();
    retransmitter.stop();
    clock.advance(ACK_WAIT);
    expect(timeouts()).toBe(0);
    expect(retransmitter.state).toBe('stopped');
  });
});
