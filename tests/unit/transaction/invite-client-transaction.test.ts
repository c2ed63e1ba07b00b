import { describe, expect, it } from 'vitest';
import { SipRequest, type SipResponse } from '../../../src/sip';
import type { ResponseSource } from '../../../src/sip/transaction/client-transaction';
import { InviteClientTransaction } from '../../../src/sip/transaction/invite-client-transaction';
import { TIMER_B, TIMER_M } from '../../../src/sip/transaction/timers';
import { sipRequest, sipResponse } from '../support/sip-messages';
import { transactionHarness } from './transaction-harness';

function setup() {
  const h = transactionHarness();
  const invite = sipRequest('INVITE', { headers: ['Route: <sip:proxy.example.com;lr>'] });
  const received: [SipResponse, ResponseSource][] = [];
  let terminated = 0;
  const tx = new InviteClientTransaction(invite, h.env, (r, s) => received.push([r, s]), () => terminated++);
  return { ...h, invite, tx, received, terminated: () => terminated };
}

describe('InviteClientTransaction', () => {
  it('sends the INVITE once and never retransmits it on a reliable transport', () => {
    const { tx, sent, clock } = setup();
    tx.start();
    clock.advance(TIMER_B - 1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^INVITE /);
    expect(tx.state).toBe('calling');
  });

  it('fails with a synthesized 408 when Timer B fires in Calling', () => {
    const { tx, clock, received, terminated } = setup();
    tx.start();
    clock.advance(TIMER_B);
    expect(received).toHaveLength(1);
    expect(received[0]![0].status).toBe(408);
    expect(received[0]![1]).toBe('timeout');
    expect(tx.state).toBe('terminated');
    expect(terminated()).toBe(1);
  });

  it('stops Timer B once a provisional response arrives', () => {
    const { tx, clock, received, invite } = setup();
    tx.start();
    tx.receiveResponse(sipResponse(invite, 180, { toTag: 'b1' }));
    clock.advance(TIMER_B * 4);
    expect(tx.state).toBe('proceeding');
    expect(received.map(([r]) => r.status)).toEqual([180]);
  });

  it('acknowledges a 486 itself with the INVITE branch, the To tag of the response and the Route set', () => {
    const { tx, sentMessages, received, invite, clock, terminated } = setup();
    tx.start();
    tx.receiveResponse(sipResponse(invite, 486, { toTag: 'busy1' }));
    const ack = sentMessages()[1] as SipRequest;
    expect(ack).toBeInstanceOf(SipRequest);
    expect(ack.method).toBe('ACK');
    expect(ack.uri.toString()).toBe(invite.uri.toString());
    expect(ack.via).toHaveLength(1);
    expect(ack.via[0]!.branch).toBe(invite.via[0]!.branch);
    expect(ack.cseq).toEqual({ seq: invite.cseq.seq, method: 'ACK' });
    expect(ack.to.tag).toBe('busy1');
    expect(ack.get('Route')).toBe('<sip:proxy.example.com;lr>');
    expect(received.map(([r, s]) => [r.status, s])).toEqual([[486, 'network']]);
    expect(tx.state).toBe('completed');
    clock.advance(0); // Timer D is zero on reliable transports
    expect(tx.state).toBe('terminated');
    expect(terminated()).toBe(1);
  });

  it('passes a 2xx to the TU without acknowledging it and keeps passing 2xx until Timer M', () => {
    const { tx, sent, received, invite, clock } = setup();
    tx.start();
    tx.receiveResponse(sipResponse(invite, 200, { toTag: 'a' }));
    tx.receiveResponse(sipResponse(invite, 200, { toTag: 'a' }));
    tx.receiveResponse(sipResponse(invite, 200, { toTag: 'forked' }));
    tx.receiveResponse(sipResponse(invite, 486, { toTag: 'late' }));
    expect(sent).toHaveLength(1);
    expect(received.map(([r]) => `${r.status} ${r.to.tag}`)).toEqual(['200 a', '200 a', '200 forked']);
    expect(tx.state).toBe('accepted');
    clock.advance(TIMER_M);
    expect(tx.state).toBe('terminated');
    tx.receiveResponse(sipResponse(invite, 200, { toTag: 'a' }));
    expect(received).toHaveLength(3);
  });

  it('reports a 503 transport error on the next tick when the INVITE cannot be sent', () => {
    const { tx, cutTransport, received, clock } = setup();
    cutTransport();
    tx.start();
    expect(received).toHaveLength(0);
    clock.advance(0);
    expect(received.map(([r, s]) => [r.status, s])).toEqual([[503, 'transport-error']]);
    expect(tx.state).toBe('terminated');
  });

  it('fails with a 503 when the flow is lost while Proceeding', () => {
    const { tx, received, invite } = setup();
    tx.start();
    tx.receiveResponse(sipResponse(invite, 100));
    tx.transportLost();
    expect(received.map(([r, s]) => [r.status, s])).toEqual([
      [100, 'network'],
      [503, 'transport-error'],
    ]);
    expect(tx.state).toBe('terminated');
  });

  it('refuses to carry anything but an INVITE', () => {
    const { env } = transactionHarness();
    expect(() => new InviteClientTransaction(sipRequest('BYE'), env, () => {}, () => {})).toThrow(/BYE/);
  });
});
