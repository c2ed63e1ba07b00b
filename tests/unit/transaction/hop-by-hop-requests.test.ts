import { describe, expect, it } from 'vitest';
import { createCancel } from '../../../src/sip/transaction/hop-by-hop-requests';
import { reparse, sipRequest } from '../support/sip-messages';

describe('createCancel', () => {
  it('copies the Request-URI, top Via, From, To, Call-ID, CSeq number and Route of the INVITE (§9.1)', () => {
    const invite = sipRequest('INVITE', {
      via: 'SIP/2.0/WS me.invalid;branch=z9hG4bKcancelme',
      headers: ['Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>', 'Subject: lunch'],
    });
    const cancel = reparse(createCancel(invite));
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.uri.toString()).toBe(invite.uri.toString());
    expect(cancel.getAll('Via')).toEqual(['SIP/2.0/WS me.invalid;branch=z9hG4bKcancelme']);
    expect(cancel.get('From')).toBe(invite.get('From'));
    expect(cancel.get('To')).toBe(invite.get('To'));
    expect(cancel.callId).toBe(invite.callId);
    expect(cancel.cseq).toEqual({ seq: invite.cseq.seq, method: 'CANCEL' });
    expect(cancel.getAll('Route')).toEqual(['<sip:p1.example.com;lr>', '<sip:p2.example.com;lr>']);
    expect(cancel.has('Subject')).toBe(false);
    expect(cancel.maxForwards).toBe(70);
  });
});
