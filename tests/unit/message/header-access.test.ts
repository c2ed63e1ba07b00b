import { describe, expect, it } from 'vitest';
import { SipParseError, SipRequest, SipResponse, canonicalName, parseMessage } from '../../../src/sip';

const BASE = [
  'INVITE sip:bob@example.com SIP/2.0',
  'v: SIP/2.0/WS a.invalid;branch=z9hG4bK1, SIP/2.0/WS b.invalid;branch=z9hG4bK2',
  'Via: SIP/2.0/WS c.invalid;branch=z9hG4bK3',
  'f: "Alice, A." <sip:alice@example.com>;tag=f1',
  't: <sip:bob@example.com>',
  'i: abc@host',
  'CSeq: 1 INVITE',
  'm: <sip:alice@a.invalid;transport=ws>;expires=60, "Other, Name" <sip:alice@b.invalid>',
  'Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>',
  'k: timer, 100rel',
  'Supported: replaces',
  'Allow: INVITE,ACK , BYE',
  'X-Custom: one, two',
  'Max-Forwards: 70',
  'l: 0',
  '',
  '',
].join('\r\n');

function invite(): SipRequest {
  const m = parseMessage(BASE);
  if (!(m instanceof SipRequest)) throw new Error('not a request');
  return m;
}

describe('header access', () => {
  it('expands compact forms to canonical names in wire order', () => {
    expect(invite().headers.map((h) => h.name)).toEqual([
      'Via', 'Via', 'From', 'To', 'Call-ID', 'CSeq', 'Contact', 'Route', 'Supported', 'Supported', 'Allow',
      'X-Custom', 'Max-Forwards', 'Content-Length',
    ]);
  });

  it('finds headers by any case and by compact form', () => {
    const m = invite();
    expect(m.get('call-id')).toBe('abc@host');
    expect(m.get('I')).toBe('abc@host');
    expect(m.get('CALL-ID')).toBe('abc@host');
    expect(m.get('x-custom')).toBe('one, two');
    expect(m.has('k')).toBe(true);
    expect(m.has('Require')).toBe(false);
    expect(m.get('Require')).toBeUndefined();
  });

  it('canonicalizes known names and keeps unknown names as written', () => {
    expect(canonicalName('www-authenticate')).toBe('WWW-Authenticate');
    expect(canonicalName('cseq')).toBe('CSeq');
    expect(canonicalName('o')).toBe('Event');
    expect(canonicalName('X-Foo')).toBe('X-Foo');
  });

  it('splits list headers at top-level commas only, across lines', () => {
    const m = invite();
    expect(m.getAll('Via')).toHaveLength(3);
    expect(m.getAll('Contact')).toEqual([
      '<sip:alice@a.invalid;transport=ws>;expires=60',
      '"Other, Name" <sip:alice@b.invalid>',
    ]);
    expect(m.getAll('Supported')).toEqual(['timer', '100rel', 'replaces']);
    expect(m.allow).toEqual(['INVITE', 'ACK', 'BYE']);
    // not a list header: one value per line, commas kept
    expect(m.getAll('From')).toEqual(['"Alice, A." <sip:alice@example.com>;tag=f1']);
    expect(m.getAll('X-Custom')).toEqual(['one, two']);
  });

  it('reads typed Via, Contact and Route lists in order', () => {
    const m = invite();
    expect(m.via.map((v) => v.branch)).toEqual(['z9hG4bK1', 'z9hG4bK2', 'z9hG4bK3']);
    expect(m.contact.map((c) => c.uri.host)).toEqual(['a.invalid', 'b.invalid']);
    expect(m.contact[0]!.params.get('expires')).toBe('60');
    expect(m.contact[1]!.displayName).toBe('Other, Name');
    expect(m.route.map((r) => r.uri.host)).toEqual(['p1.example.com', 'p2.example.com']);
    expect(m.recordRoute).toEqual([]);
  });

  it('caches typed values until the header changes', () => {
    const m = invite();
    const via = m.via;
    expect(m.via).toBe(via);
    m.prepend('Via', 'SIP/2.0/WS new.invalid;branch=z9hG4bK0');
    expect(m.via).not.toBe(via);
    expect(m.via.map((v) => v.branch)).toEqual(['z9hG4bK0', 'z9hG4bK1', 'z9hG4bK2', 'z9hG4bK3']);
    expect(m.headers[0]).toEqual({ name: 'Via', value: 'SIP/2.0/WS new.invalid;branch=z9hG4bK0' });
  });

  it('set replaces every line at the position of the first and refreshes the cache', () => {
    const m = invite();
    expect(m.supported).toEqual(['timer', '100rel', 'replaces']);
    m.set('k', 'path');
    expect(m.supported).toEqual(['path']);
    expect(m.headers.filter((h) => h.name === 'Supported')).toHaveLength(1);
    expect(m.headers.findIndex((h) => h.name === 'Supported')).toBe(8);
    expect(m.maxForwards).toBe(70);
    m.set('max-forwards', '69');
    expect(m.maxForwards).toBe(69);
    m.set('Expires', '30');
    expect(m.expires).toBe(30);
    expect(m.headers.at(-1)).toEqual({ name: 'Expires', value: '30' });
  });

  it('append adds a line at the end and refreshes the cache', () => {
    const m = invite();
    expect(m.recordRoute).toEqual([]);
    m.append('Record-Route', '<sip:rr.example.com;lr>');
    expect(m.recordRoute.map((r) => r.uri.host)).toEqual(['rr.example.com']);
    m.append('Route', '<sip:p3.example.com;lr>');
    expect(m.route).toHaveLength(3);
  });

  it('prepend puts a Route first, or at the top when there is none', () => {
    const m = invite();
    m.prepend('Route', '<sip:p0.example.com;lr>');
    expect(m.route[0]!.uri.host).toBe('p0.example.com');
    const r = new SipResponse(200, 'OK', [['Call-ID', 'x']]);
    r.prepend('Record-Route', '<sip:a;lr>');
    expect(r.headers[0]!.name).toBe('Record-Route');
  });

  it('remove drops every line and refreshes the cache', () => {
    const m = invite();
    expect(m.contact).toHaveLength(2);
    m.remove('m');
    expect(m.has('Contact')).toBe(false);
    expect(m.contact).toEqual([]);
    m.remove('Route');
    expect(m.route).toEqual([]);
    m.remove('X-CUSTOM');
    expect(m.has('x-custom')).toBe(false);
  });

  it('reads Contact: * as a star with no addresses', () => {
    const m = new SipRequest('REGISTER', 'sip:example.com', [['Contact', '*'], ['Expires', '0']]);
    expect(m.isContactStar).toBe(true);
    expect(m.contact).toEqual([]);
    expect(invite().isContactStar).toBe(false);
  });

  it('throws SipParseError from a typed getter when a required header is missing or malformed', () => {
    const m = new SipRequest('OPTIONS', 'sip:a@b', [['From', 'not an address <'], ['Max-Forwards', 'ten']]);
    expect(() => m.from).toThrow(SipParseError);
    expect(() => m.to).toThrow(/missing To/);
    expect(() => m.callId).toThrow(/missing Call-ID/);
    expect(() => m.maxForwards).toThrow(/Max-Forwards "ten" is not a number/);
  });

  it('parses a header line edited in place from its new value once its cache is dropped', () => {
    const m = invite();
    const top = m.headers.find((h) => h.name === 'Via')!;
    top.value = 'SIP/2.0/WSS d.invalid;branch=z9hG4bK4';
    m.append('Via', 'SIP/2.0/WS e.invalid;branch=z9hG4bK5');
    expect(m.via.map((v) => v.branch)).toEqual(['z9hG4bK4', 'z9hG4bK3', 'z9hG4bK5']);
    expect({ ...top }).toEqual({ name: 'Via', value: 'SIP/2.0/WSS d.invalid;branch=z9hG4bK4' });
  });

  it('builds messages from tuples or fields, canonicalizing names', () => {
    const m = new SipRequest('MESSAGE', 'sip:bob@b', [
      ['t', '<sip:bob@b>'],
      { name: 'call-id', value: 'c1' },
    ] as never);
    expect(m.headers).toEqual([
      { name: 'To', value: '<sip:bob@b>' },
      { name: 'Call-ID', value: 'c1' },
    ]);
    expect(m.uri.user).toBe('bob');
  });
});
