import { describe, expect, it } from 'vitest';
import { malformedRequestResponse, reasonPhrase } from '../../../src/sip/ua/malformed-request';

const HEAD = [
  'v: SIP/2.0/WS peer.invalid;branch=z9hG4bKbad1',
  'f: <sip:alice@example.com>;tag=a1',
  't: <sip:bob@example.com>',
  'i: bad-call-1',
  'CSeq: 7 MESSAGE',
];

function text(startLine: string, headers = HEAD): string {
  return `${startLine}\r\n${headers.join('\r\n')}\r\n\r\n`;
}

describe('malformedRequestResponse', () => {
  it('builds a 400 from compact-form headers, adding a To tag', () => {
    const response = malformedRequestResponse(text('MESSAGE sip:bob@example.com SIP/2.0'), 'bad Content-Type', 'tag9')!;
    expect(response.status).toBe(400);
    expect(response.reason).toBe('bad Content-Type');
    expect(response.get('Via')).toBe('SIP/2.0/WS peer.invalid;branch=z9hG4bKbad1');
    expect(response.get('To')).toBe('<sip:bob@example.com>;tag=tag9');
    expect(response.callId).toBe('bad-call-1');
    expect(response.cseq).toEqual({ seq: 7, method: 'MESSAGE' });
  });

  it('keeps a To tag that is there and unfolds continuation lines', () => {
    const headers = [...HEAD.slice(0, 2), 't: <sip:bob@example.com>', '  ;tag=b2', ...HEAD.slice(3)];
    const response = malformedRequestResponse(text('MESSAGE sip:bob@example.com SIP/2.0', headers), 'x', 'tag9')!;
    expect(response.get('To')).toBe('<sip:bob@example.com> ;tag=b2');
  });

  it('gives up on an ACK, a response, a missing Call-ID, an unreadable Via or a CSeq for another method', () => {
    expect(malformedRequestResponse(text('ACK sip:bob@example.com SIP/2.0'), 'x', 't')).toBeUndefined();
    expect(malformedRequestResponse(text('SIP/2.0 200 OK'), 'x', 't')).toBeUndefined();
    expect(malformedRequestResponse(text('MESSAGE sip:b@h SIP/2.0', HEAD.filter((h) => !h.startsWith('i:'))), 'x', 't')).toBeUndefined();
    const badVia = ['Via: SIP/3.0/WS peer.invalid', ...HEAD.slice(1)];
    expect(malformedRequestResponse(text('MESSAGE sip:b@h SIP/2.0', badVia), 'x', 't')).toBeUndefined();
    expect(malformedRequestResponse(text('INFO sip:b@h SIP/2.0'), 'x', 't')).toBeUndefined();
    expect(malformedRequestResponse('', 'empty message', 't')).toBeUndefined();
  });
});

describe('reasonPhrase', () => {
  it('turns a fault into a legal Reason-Phrase', () => {
    expect(reasonPhrase('bad header name "X<Y>"\r\nsecond')).toBe("bad header name 'XY' second");
    expect(reasonPhrase('\u0000')).toBe('Bad Request');
    expect(reasonPhrase('x'.repeat(200))).toHaveLength(100);
  });
});
