import { describe, expect, it } from 'vitest';
import { SipRequest, SipResponse, SipUri, parseMessage } from '../../../src/sip';

describe('toString', () => {
  it('writes the start line, headers in order, Content-Length as UTF-8 bytes and the body', () => {
    const m = new SipRequest(
      'MESSAGE',
      SipUri.parse('sip:bob@example.com'),
      [
        ['Via', 'SIP/2.0/WS a.invalid;branch=z9hG4bK1'],
        ['From', '<sip:alice@example.com>;tag=1'],
        ['To', '<sip:bob@example.com>'],
        ['Call-ID', 'c1'],
        ['CSeq', '1 MESSAGE'],
        ['Content-Type', 'text/plain;charset=utf-8'],
      ],
      'grüß 👋',
    );
    expect(m.toString()).toBe(
      'MESSAGE sip:bob@example.com SIP/2.0\r\n' +
        'Via: SIP/2.0/WS a.invalid;branch=z9hG4bK1\r\n' +
        'From: <sip:alice@example.com>;tag=1\r\n' +
        'To: <sip:bob@example.com>\r\n' +
        'Call-ID: c1\r\n' +
        'CSeq: 1 MESSAGE\r\n' +
        'Content-Type: text/plain;charset=utf-8\r\n' +
        'Content-Length: 11\r\n' +
        '\r\n' +
        'grüß 👋',
    );
  });

  it('rewrites an existing Content-Length in place, once', () => {
    const r = new SipResponse(200, 'OK', [
      ['Content-Length', '999'],
      ['Call-ID', 'x'],
      ['l', '5'],
    ], 'abc');
    expect(r.toString()).toBe('SIP/2.0 200 OK\r\nContent-Length: 3\r\nCall-ID: x\r\n\r\nabc');
  });

  it('writes long header names for compact ones', () => {
    const text = ['OPTIONS sip:a@b SIP/2.0', 'v: SIP/2.0/WS h;branch=z9hG4bK1', 'f: <sip:a@b>;tag=1', 't: <sip:a@b>', 'i: c', 'CSeq: 1 OPTIONS', 'l: 0', '', ''].join('\r\n');
    expect(parseMessage(text).toString()).toBe(
      ['OPTIONS sip:a@b SIP/2.0', 'Via: SIP/2.0/WS h;branch=z9hG4bK1', 'From: <sip:a@b>;tag=1', 'To: <sip:a@b>', 'Call-ID: c', 'CSeq: 1 OPTIONS', 'Content-Length: 0', '', ''].join('\r\n'),
    );
  });

  it('re-escapes the Request-URI so the output parses to the same URI', () => {
    const uri = new SipUri({ user: 'a b', host: 'example.com', params: new Map([['x', 'v;w']]) });
    const m = new SipRequest('OPTIONS', uri, [
      ['Via', 'SIP/2.0/WS h;branch=z9hG4bK1'],
      ['From', '<sip:a@b>;tag=1'],
      ['To', '<sip:a@b>'],
      ['Call-ID', 'c'],
      ['CSeq', '1 OPTIONS'],
    ]);
    const again = parseMessage(m.toString()) as SipRequest;
    expect(again.uri.user).toBe('a b');
    expect(again.uri.params.get('x')).toBe('v;w');
    expect(m.toString().split('\r\n')[0]).toBe('OPTIONS sip:a%20b@example.com;x=v%3Bw SIP/2.0');
  });

  it('round-trips a folded, compact, oddly spaced message to an equal structure', () => {
    const text = [
      'INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0',
      'TO :',
      ' sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n',
      'from   : "J Rosenberg \\\\\\""       <sip:jdrosen@example.com>',
      '  ;',
      '  tag = 98asjd8',
      'i: x',
      'cseq: 0009',
      '  INVITE',
      'v: SIP/2.0/UDP 192.0.2.2;branch=390skdjuw',
      '',
      '',
    ].join('\r\n');
    const a = parseMessage(text);
    const b = parseMessage(a.toString());
    expect(b.headers.filter((h) => h.name !== 'Content-Length')).toEqual(a.headers);
    expect(b.to.tag).toBe('1918181833n');
    expect(b.from.displayName).toBe('J Rosenberg \\"');
    expect(b.cseq).toEqual({ seq: 9, method: 'INVITE' });
  });
});
