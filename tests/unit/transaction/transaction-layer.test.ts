import { describe, expect, it } from 'vitest';
import { createResponse, type SipResponse } from '../../../src/sip';
import { InviteServerTransaction } from '../../../src/sip/transaction/invite-server-transaction';
import { TransactionLayer } from '../../../src/sip/transaction/transaction-layer';
import { sipRequest, sipResponse } from '../support/sip-messages';
import { transactionHarness } from './transaction-harness';

function setup() {
  const h = transactionHarness();
  return { ...h, layer: new TransactionLayer(h.env) };
}

/** The "Via" of an RFC 2543 peer: no magic cookie. */
const LEGACY_VIA = 'SIP/2.0/WS old.invalid;branch=1234abcd';

describe('TransactionLayer, client side (§17.1.3)', () => {
  it('matches a response by branch and CSeq method', () => {
    const { layer } = setup();
    const invite = sipRequest('INVITE', { branch: 'z9hG4bKinv1' });
    const got: number[] = [];
    layer.sendRequest(invite, (r) => got.push(r.status));
    expect(layer.receiveResponse(sipResponse(invite, 180, { toTag: 't' }))).toBe(true);
    // A 200 to the CANCEL carries the same branch but belongs to the CANCEL's transaction.
    const cancel = sipRequest('CANCEL', { branch: 'z9hG4bKinv1' });
    expect(layer.receiveResponse(sipResponse(cancel, 200, { toTag: 't' }))).toBe(false);
    expect(layer.receiveResponse(sipResponse(sipRequest('INVITE', { branch: 'z9hG4bKother' }), 200))).toBe(false);
    expect(got).toEqual([180]);
  });

  it('keeps an INVITE and its CANCEL apart although they share the branch', () => {
    const { layer } = setup();
    const invite = sipRequest('INVITE', { branch: 'z9hG4bKinv2' });
    const cancel = sipRequest('CANCEL', { branch: 'z9hG4bKinv2' });
    const got: string[] = [];
    layer.sendRequest(invite, (r) => got.push(`INVITE ${r.status}`));
    layer.sendRequest(cancel, (r) => got.push(`CANCEL ${r.status}`));
    layer.receiveResponse(sipResponse(cancel, 200, { toTag: 't' }));
    layer.receiveResponse(sipResponse(invite, 487, { toTag: 't' }));
    expect(got).toEqual(['CANCEL 200', 'INVITE 487']);
  });

  it('forgets a client transaction once it ends', () => {
    const { layer, clock } = setup();
    const request = sipRequest('OPTIONS');
    layer.sendRequest(request, () => {});
    expect(layer.size).toBe(1);
    layer.receiveResponse(sipResponse(request, 200, { toTag: 't' }));
    clock.advance(0);
    expect(layer.size).toBe(0);
  });

  it('refuses an ACK, a branch without the magic cookie, and a branch in use', () => {
    const { layer } = setup();
    expect(() => layer.sendRequest(sipRequest('ACK'), () => {})).toThrow(/ACK/);
    expect(() => layer.sendRequest(sipRequest('OPTIONS', { via: LEGACY_VIA }), () => {})).toThrow(/z9hG4bK/);
    layer.sendRequest(sipRequest('OPTIONS', { branch: 'z9hG4bKsame' }), () => {});
    expect(() => layer.sendRequest(sipRequest('OPTIONS', { branch: 'z9hG4bKsame' }), () => {})).toThrow(/in use/);
  });

  it('fails every pending client transaction with a 503 when the flow is lost', () => {
    const { layer } = setup();
    const got: string[] = [];
    layer.sendRequest(sipRequest('INVITE', { branch: 'z9hG4bKa' }), (r, s) => got.push(`${r.cseq.method} ${r.status} ${s}`));
    layer.sendRequest(sipRequest('REGISTER', { branch: 'z9hG4bKb' }), (r, s) => got.push(`${r.cseq.method} ${r.status} ${s}`));
    layer.transportLost();
    expect(got).toEqual(['INVITE 503 transport-error', 'REGISTER 503 transport-error']);
    expect(layer.size).toBe(0);
  });
});

describe('TransactionLayer, server side (§17.2.3)', () => {
  it('absorbs a retransmitted request and re-sends the last response', () => {
    const { layer, sentMessages } = setup();
    const first = layer.receiveRequest(sipRequest('OPTIONS'));
    if (first.kind !== 'new') throw new Error('expected a new transaction');
    first.transaction.respond(createResponse(first.transaction.request, 200, undefined, 'u'));
    expect(layer.receiveRequest(sipRequest('OPTIONS'))).toEqual({ kind: 'absorbed' });
    expect(sentMessages().map((m) => (m as SipResponse).status)).toEqual([200, 200]);
  });

  it('treats the same branch from another sent-by as a different transaction', () => {
    const { layer } = setup();
    expect(layer.receiveRequest(sipRequest('OPTIONS')).kind).toBe('new');
    const other = sipRequest('OPTIONS', { via: 'SIP/2.0/WS elsewhere.invalid;branch=z9hG4bKnashds8' });
    expect(layer.receiveRequest(other).kind).toBe('new');
  });

  it('absorbs the ACK of a non-2xx in the INVITE transaction', () => {
    const { layer, clock } = setup();
    const created = layer.receiveRequest(sipRequest('INVITE'));
    if (created.kind !== 'new') throw new Error('expected a new transaction');
    created.transaction.respond(createResponse(created.transaction.request, 486, undefined, 'u'));
    expect(layer.receiveRequest(sipRequest('ACK', { toTag: 'u', cseqMethod: 'ACK' }))).toEqual({ kind: 'absorbed' });
    expect(created.transaction.state).toBe('confirmed');
    clock.advance(0);
    expect(layer.size).toBe(0);
  });

  it('hands the ACK of a 2xx, which has a branch of its own, to the UA core', () => {
    const { layer } = setup();
    const created = layer.receiveRequest(sipRequest('INVITE'));
    if (created.kind !== 'new') throw new Error('expected a new transaction');
    created.transaction.respond(createResponse(created.transaction.request, 200, undefined, 'u'));
    expect(layer.receiveRequest(sipRequest('ACK', { branch: 'z9hG4bKack2xx', toTag: 'u' }))).toEqual({ kind: 'ack' });
  });

  it('finds the INVITE transaction a CANCEL refers to, and no other', () => {
    const { layer } = setup();
    const created = layer.receiveRequest(sipRequest('INVITE'));
    if (created.kind !== 'new') throw new Error('expected a new transaction');
    const cancel = sipRequest('CANCEL');
    expect(layer.findInviteServerTransaction(cancel)).toBe(created.transaction);
    expect(layer.findInviteServerTransaction(sipRequest('CANCEL', { branch: 'z9hG4bKnot' }))).toBeUndefined();
    // The CANCEL is a transaction of its own, not a retransmission of the INVITE.
    expect(layer.receiveRequest(cancel).kind).toBe('new');
  });

  it('matches requests of an RFC 2543 peer field by field', () => {
    const { layer } = setup();
    const created = layer.receiveRequest(sipRequest('INVITE', { via: LEGACY_VIA }));
    if (created.kind !== 'new') throw new Error('expected a new transaction');
    expect(created.transaction).toBeInstanceOf(InviteServerTransaction);
    expect(layer.receiveRequest(sipRequest('INVITE', { via: LEGACY_VIA }))).toEqual({ kind: 'absorbed' });
    expect(layer.receiveRequest(sipRequest('INVITE', { via: LEGACY_VIA, cseq: 314160 })).kind).toBe('new');
    expect(layer.receiveRequest(sipRequest('INVITE', { via: LEGACY_VIA, fromTag: 'other' })).kind).toBe('new');
    expect(layer.findInviteServerTransaction(sipRequest('CANCEL', { via: LEGACY_VIA }))).toBe(created.transaction);
  });

  it('matches an RFC 2543 ACK by the To tag of the response the transaction sent', () => {
    const { layer } = setup();
    const created = layer.receiveRequest(sipRequest('INVITE', { via: LEGACY_VIA }));
    if (created.kind !== 'new') throw new Error('expected a new transaction');
    created.transaction.respond(createResponse(created.transaction.request, 404, undefined, 'legacy'));
    expect(layer.receiveRequest(sipRequest('ACK', { via: LEGACY_VIA, toTag: 'wrong' }))).toEqual({ kind: 'ack' });
    expect(created.transaction.state).toBe('completed');
    expect(layer.receiveRequest(sipRequest('ACK', { via: LEGACY_VIA, toTag: 'legacy' }))).toEqual({ kind: 'absorbed' });
    expect(created.transaction.state).toBe('confirmed');
  });

  it('ends every server transaction when the flow is lost', () => {
    const { layer } = setup();
    layer.receiveRequest(sipRequest('INVITE'));
    layer.receiveRequest(sipRequest('MESSAGE', { via: LEGACY_VIA }));
    expect(layer.size).toBe(2);
    layer.transportLost();
    expect(layer.size).toBe(0);
  });
});
