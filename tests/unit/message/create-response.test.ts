import { describe, expect, it } from 'vitest';
import { SipRequest, createResponse, defaultReason, parseMessage } from '../../../src/sip';
import { readCapture } from './frames';

function invite(): SipRequest {
  const m = parseMessage(readCapture('cucm-invite-delayed-offer'));
  if (!(m instanceof SipRequest)) throw new Error('not a request');
  return m;
}

describe('createResponse', () => {
  it('copies Via, From, To, Call-ID and CSeq in order and nothing else', () => {
    const req = invite();
    req.append('Via', 'SIP/2.0/UDP second.example.com;branch=z9hG4bK2');
    const res = createResponse(req, 180, undefined, 'uas-tag');
    expect(res.status).toBe(180);
    expect(res.reason).toBe('Ringing');
    expect(res.headers.map((h) => h.name)).toEqual(['Via', 'From', 'To', 'Call-ID', 'CSeq', 'Via']);
    expect(res.via.map((v) => v.branch)).toEqual(['z9hG4bK3661c5dc56f', 'z9hG4bK2']);
    expect(res.from.toString()).toBe(req.from.toString());
    expect(res.callId).toBe(req.callId);
    expect(res.cseq).toEqual(req.cseq);
  });

  it('adds the To tag when the request has none', () => {
    const res = createResponse(invite(), 200, 'OK', 'abc123');
    expect(res.to.tag).toBe('abc123');
    expect(res.get('To')).toBe('<sip:10001@192.168.80.100>;tag=abc123');
  });

  it('keeps an existing To tag and ignores the given one', () => {
    const bye = parseMessage(readCapture('cucm-bye')) as SipRequest;
    const res = createResponse(bye, 200, undefined, 'other');
    expect(res.to.tag).toBe('5613b666f44041689c0c96620ef7e026');
  });

  it('adds a To tag to a bare addr-spec To as a header parameter', () => {
    const req = new SipRequest('OPTIONS', 'sip:b@h', [
      ['Via', 'SIP/2.0/WS x.invalid;branch=z9hG4bK1'],
      ['To', 'sip:b@h'],
      ['From', 'sip:a@h;tag=1'],
      ['Call-ID', 'c'],
      ['CSeq', '1 OPTIONS'],
    ]);
    const res = createResponse(req, 200, undefined, 't1');
    expect(res.to.tag).toBe('t1');
    expect(res.to.uri.params.size).toBe(0);
  });

  it('echoes Timestamp in a 100 Trying only (RFC 3261 §8.2.6.1)', () => {
    const req = invite();
    req.append('Timestamp', '54');
    expect(createResponse(req, 100).get('Timestamp')).toBe('54');
    expect(createResponse(req, 180).has('Timestamp')).toBe(false);
  });

  it('serializes to a message that parses, with Content-Length 0', () => {
    const res = createResponse(invite(), 486, undefined, 'x');
    const text = res.toString();
    expect(text.startsWith('SIP/2.0 486 Busy Here\r\n')).toBe(true);
    expect(text.endsWith('Content-Length: 0\r\n\r\n')).toBe(true);
    expect(parseMessage(text).to.tag).toBe('x');
  });

  it('knows the default reason phrases and falls back to the class name', () => {
    expect(defaultReason(200)).toBe('OK');
    expect(defaultReason(486)).toBe('Busy Here');
    expect(defaultReason(481)).toBe('Call/Transaction Does Not Exist');
    expect(defaultReason(422)).toBe('Session Interval Too Small');
    expect(defaultReason(499)).toBe('Client Error');
    expect(defaultReason(699)).toBe('Global Failure');
  });
});
