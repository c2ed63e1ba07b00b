import { describe, expect, it } from 'vitest';
import type { SipResponse } from '../../../src/sip';
import type { ResponseSource } from '../../../src/sip/transaction/client-transaction';
import { NonInviteClientTransaction } from '../../../src/sip/transaction/non-invite-client-transaction';
import { TIMER_F } from '../../../src/sip/transaction/timers';
import { sipRequest, sipResponse } from '../support/sip-messages';
import { transactionHarness } from './transaction-harness';

function setup(method = 'REGISTER') {
  const h = transactionHarness();
  const request = sipRequest(method);
  const received: [SipResponse, ResponseSource][] = [];
  let terminated = 0;
  const tx = new NonInviteClientTransaction(request, h.env, (r, s) => received.push([r, s]), () => terminated++);
  return { ...h, request, tx, received, terminated: () => terminated };
}

describe('NonInviteClientTransaction', () => {
  it('fails with a synthesized 408 when Timer F fires, even after a provisional response', () => {
    const { tx, clock, received, request, sent } = setup();
    tx.start();
    tx.receiveResponse(sipResponse(request, 100));
    clock.advance(TIMER_F - 1);
    expect(tx.state).toBe('proceeding');
    clock.advance(1);
    expect(sent).toHaveLength(1);
    expect(received.map(([r, s]) => [r.status, s])).toEqual([
      [100, 'network'],
      [408, 'timeout'],
    ]);
    expect(received[1]![0].callId).toBe(request.callId);
    expect(tx.state).toBe('terminated');
  });

  it('passes the final response once and ends after Timer K, which is zero', () => {
    const { tx, clock, received, request, terminated } = setup();
    tx.start();
    tx.receiveResponse(sipResponse(request, 200, { toTag: 'x' }));
    tx.receiveResponse(sipResponse(request, 200, { toTag: 'x' }));
    expect(received.map(([r]) => r.status)).toEqual([200]);
    expect(tx.state).toBe('completed');
    clock.advance(0);
    expect(tx.state).toBe('terminated');
    expect(terminated()).toBe(1);
    clock.advance(TIMER_F);
    expect(received).toHaveLength(1);
  });

  it('fails with a 503 when the flow is lost before the answer', () => {
    const { tx, received } = setup('OPTIONS');
    tx.start();
    tx.transportLost();
    expect(received.map(([r, s]) => [r.status, s])).toEqual([[503, 'transport-error']]);
  });

  it('refuses to carry an INVITE or an ACK', () => {
    const { env } = transactionHarness();
    expect(() => new NonInviteClientTransaction(sipRequest('INVITE'), env, () => {}, () => {})).toThrow();
    expect(() => new NonInviteClientTransaction(sipRequest('ACK'), env, () => {}, () => {})).toThrow();
  });
});
