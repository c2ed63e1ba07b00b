import { describe, expect, it } from 'vitest';
import { createResponse, type SipResponse } from '../../../src/sip';
import { NonInviteServerTransaction } from '../../../src/sip/transaction/non-invite-server-transaction';
import { sipRequest } from '../support/sip-messages';
import { transactionHarness } from './transaction-harness';

function setup() {
  const h = transactionHarness();
  const request = sipRequest('MESSAGE');
  let terminated = 0;
  const tx = new NonInviteServerTransaction(request, h.env, () => terminated++);
  const statuses = () => h.sentMessages().map((m) => (m as SipResponse).status);
  const respond = (status: number) => tx.respond(createResponse(request, status, undefined, 'uas1'));
  return { ...h, request, tx, statuses, respond, terminated: () => terminated };
}

describe('NonInviteServerTransaction', () => {
  it('drops a retransmission while the TU has not answered', () => {
    const { tx, request, statuses } = setup();
    tx.receiveRetransmission(request);
    expect(statuses()).toEqual([]);
    expect(tx.state).toBe('trying');
  });

  it('re-sends the last provisional response for a retransmission while Proceeding', () => {
    const { tx, request, statuses, respond } = setup();
    respond(100);
    tx.receiveRetransmission(request);
    expect(statuses()).toEqual([100, 100]);
    expect(tx.state).toBe('proceeding');
  });

  it('re-sends the final response for a retransmission until Timer J, which is zero, ends it', () => {
    const { tx, request, statuses, respond, clock, terminated } = setup();
    respond(200);
    tx.receiveRetransmission(request);
    expect(statuses()).toEqual([200, 200]);
    clock.advance(0);
    expect(tx.state).toBe('terminated');
    expect(terminated()).toBe(1);
  });

  it('refuses a second final response', () => {
    const { respond } = setup();
    respond(200);
    expect(() => respond(500)).toThrow(/final response/);
  });

  it('ends when the transport cannot carry its response', () => {
    const { tx, respond, cutTransport, terminated } = setup();
    cutTransport();
    respond(200);
    expect(tx.state).toBe('terminated');
    expect(terminated()).toBe(1);
  });
});
