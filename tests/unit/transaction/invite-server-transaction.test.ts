import { describe, expect, it } from 'vitest';
import { createResponse, type SipResponse } from '../../../src/sip';
import { InviteServerTransaction } from '../../../src/sip/transaction/invite-server-transaction';
import { TIMER_H, TIMER_L } from '../../../src/sip/transaction/timers';
import { sipRequest } from '../support/sip-messages';
import { transactionHarness } from './transaction-harness';

function setup() {
  const h = transactionHarness();
  const invite = sipRequest('INVITE');
  let terminated = 0;
  const tx = new InviteServerTransaction(invite, h.env, () => terminated++);
  const failures: string[] = [];
  tx.on('failure', (reason) => failures.push(reason));
  const statuses = () => h.sentMessages().map((m) => (m as SipResponse).status);
  const respond = (status: number) => tx.respond(createResponse(invite, status, undefined, 'uas1'));
  return { ...h, invite, tx, failures, statuses, respond, terminated: () => terminated };
}

describe('InviteServerTransaction', () => {
  it('sends 100 Trying when the TU has not answered within 200 ms', () => {
    const { clock, statuses } = setup();
    clock.advance(199);
    expect(statuses()).toEqual([]);
    clock.advance(1);
    expect(statuses()).toEqual([100]);
  });

  it('sends no 100 Trying when the TU answers at once', () => {
    const { clock, statuses, respond } = setup();
    respond(180);
    clock.advance(1000);
    expect(statuses()).toEqual([180]);
  });

  it('re-sends the last provisional response for a retransmitted INVITE', () => {
    const { tx, invite, statuses, respond } = setup();
    respond(180);
    tx.receiveRetransmission(invite);
    expect(statuses()).toEqual([180, 180]);
  });

  it('re-sends the final response for a retransmitted INVITE and waits for the ACK', () => {
    const { tx, invite, statuses, respond, clock, terminated } = setup();
    respond(486);
    tx.receiveRetransmission(invite);
    expect(statuses()).toEqual([486, 486]);
    expect(tx.state).toBe('completed');
    expect(tx.receiveAck(sipRequest('ACK', { toTag: 'uas1' }))).toBe('absorbed');
    expect(tx.state).toBe('confirmed');
    clock.advance(0); // Timer I is zero on reliable transports
    expect(tx.state).toBe('terminated');
    expect(terminated()).toBe(1);
  });

  it('reports a failure when no ACK arrives within Timer H', () => {
    const { tx, respond, clock, failures } = setup();
    respond(603);
    clock.advance(TIMER_H - 1);
    expect(failures).toEqual([]);
    clock.advance(1);
    expect(failures).toEqual(['timeout']);
    expect(tx.state).toBe('terminated');
  });

  it('leaves the 2xx to the TU: Accepted absorbs INVITE retransmissions and passes ACKs up until Timer L', () => {
    const { tx, invite, statuses, respond, clock } = setup();
    respond(200);
    tx.receiveRetransmission(invite);
    expect(statuses()).toEqual([200]);
    expect(tx.receiveAck(sipRequest('ACK', { toTag: 'uas1' }))).toBe('pass-up');
    respond(200); // the UA core's retransmission goes through
    expect(statuses()).toEqual([200, 200]);
    expect(() => respond(486)).toThrow(/accepted/);
    clock.advance(TIMER_L);
    expect(tx.state).toBe('terminated');
  });

  it('refuses a second final response', () => {
    const { respond } = setup();
    respond(486);
    expect(() => respond(200)).toThrow(/final response/);
  });

  it('tells its TU about a CANCEL only while no final response was sent', () => {
    const { tx, respond } = setup();
    const cancels: string[] = [];
    tx.on('cancel', (cancel) => cancels.push(cancel.method));
    const cancel = sipRequest('CANCEL');
    expect(tx.receiveCancel(cancel)).toBe(true);
    respond(487);
    expect(tx.receiveCancel(cancel)).toBe(false);
    expect(cancels).toEqual(['CANCEL']);
  });

  it('fails with a transport error when a response cannot be sent', () => {
    const { tx, respond, cutTransport, failures } = setup();
    cutTransport();
    respond(180);
    expect(failures).toEqual(['transport-error']);
    expect(tx.state).toBe('terminated');
    respond(486); // dropped quietly: the transaction is over
  });
});
