import { describe, expect, it } from 'vitest';
import { SipParseError, SipUri } from '../../../src/sip';

function fault(text: string): string {
  try {
    SipUri.parse(text);
  } catch (error) {
    if (error instanceof SipParseError) return error.fault;
    throw error;
  }
  throw new Error(`${text} was accepted`);
}

describe('SipUri', () => {
  it('parses user, password, host, port, parameters and headers', () => {
    const uri = SipUri.parse('SIP:alice:secret@Atlanta.Example.COM:5061;transport=WS;lr;Maddr=10.0.0.1?subject=project%20x&priority=urgent');
    expect(uri.scheme).toBe('sip');
    expect(uri.user).toBe('alice');
    expect(uri.password).toBe('secret');
    expect(uri.host).toBe('atlanta.example.com');
    expect(uri.port).toBe(5061);
    expect([...uri.params]).toEqual([
      ['transport', 'WS'],
      ['lr', null],
      ['maddr', '10.0.0.1'],
    ]);
    expect([...uri.headers]).toEqual([
      ['subject', 'project x'],
      ['priority', 'urgent'],
    ]);
  });

  it('undoes %-escapes in the user part, including multi-byte UTF-8 and escaped NUL', () => {
    expect(SipUri.parse('sip:%75se%72@example.com').user).toBe('user');
    expect(SipUri.parse('sip:j%C3%BCrgen@example.com').user).toBe('jürgen');
    expect(SipUri.parse('sip:null-%00-null@example.com').user).toBe('null-\0-null');
  });

  it('re-escapes on output what a user part may not carry, and keeps what it may', () => {
    const uri = new SipUri({ scheme: 'sip', user: 'I have spaces', host: 'example.net' });
    expect(uri.toString()).toBe('sip:I%20have%20spaces@example.net');
    expect(new SipUri({ user: 'jürgen', host: 'h' }).toString()).toBe('sip:j%C3%BCrgen@h');
    expect(new SipUri({ user: 'a;b?c/d,e&f=g+h$', host: 'h' }).toString()).toBe('sip:a;b?c/d,e&f=g+h$@h');
    expect(new SipUri({ user: '100%', host: 'h' }).toString()).toBe('sip:100%25@h');
  });

  it('keeps an escaped octet that is not UTF-8 through a parse/print round trip', () => {
    const uri = SipUri.parse('sip:%FF%41@h');
    expect(uri.toString()).toBe('sip:%FFA@h');
    expect(SipUri.parse(uri.toString()).user).toBe(uri.user);
  });

  it('keeps a stray % that starts no escape', () => {
    expect(SipUri.parse('sip:100%@h').user).toBe('100%');
  });

  it('accepts the RFC 4475 user part with ; ? / , and a password full of marks', () => {
    const uri = SipUri.parse(
      "sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com",
    );
    expect(uri.user).toBe("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
    expect(uri.password).toBe("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
    expect(uri.host).toBe('example.com');
  });

  it('unescapes parameter names and values and lower-cases the names', () => {
    const uri = SipUri.parse('sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31');
    expect([...uri.params]).toEqual([
      ['lr', null],
      ['name', 'value%41'],
    ]);
  });

  it('keeps IPv6 references in brackets, lower-cased, with a port', () => {
    const uri = SipUri.parse('sip:bob@[2001:DB8::10]:5070;maddr=[::1]');
    expect(uri.host).toBe('[2001:db8::10]');
    expect(uri.port).toBe(5070);
    expect(uri.params.get('maddr')).toBe('[::1]');
    expect(uri.toString()).toBe('sip:bob@[2001:db8::10]:5070;maddr=[::1]');
  });

  it('parses tel URIs as a number with parameters', () => {
    const uri = SipUri.parse('tel:+1-201-555-0123;phone-context=example.com');
    expect(uri.scheme).toBe('tel');
    expect(uri.user).toBe('+1-201-555-0123');
    expect(uri.host).toBe('');
    expect(uri.params.get('phone-context')).toBe('example.com');
    expect(uri.aor).toBe('tel:+1-201-555-0123');
    expect(uri.toString()).toBe('tel:+1-201-555-0123;phone-context=example.com');
  });

  it('keeps URIs of other schemes opaque', () => {
    const uri = SipUri.parse('soap.beep://192.0.2.103:3002');
    expect(uri.scheme).toBe('soap.beep');
    expect(uri.opaque).toBe('//192.0.2.103:3002');
    expect(uri.toString()).toBe('soap.beep://192.0.2.103:3002');
  });

  it('gives an aor without port, parameters or headers', () => {
    expect(SipUri.parse('sips:Alice@Example.com:5061;transport=tls?x=y').aor).toBe('sips:Alice@example.com');
    expect(SipUri.parse('sip:example.com').aor).toBe('sip:example.com');
  });

  it('clones deeply', () => {
    const uri = SipUri.parse('sip:a@b;lr?h=v');
    const copy = uri.clone();
    copy.params.set('transport', 'ws');
    copy.headers.clear();
    copy.user = 'z';
    expect(uri.toString()).toBe('sip:a@b;lr?h=v');
    expect(copy.toString()).toBe('sip:z@b;lr;transport=ws');
  });

  it('refuses malformed URIs with a SipParseError naming the fault', () => {
    expect(fault('example.com')).toMatch(/scheme/);
    expect(fault('sip:')).toMatch(/no host/);
    expect(fault('sip:@host')).toMatch(/empty user/);
    expect(fault('sip:a@host:99999')).toMatch(/port/);
    expect(fault('sip:a@host:')).toMatch(/port/);
    expect(fault('sip:a@[::1')).toMatch(/IPv6/);
    expect(fault('sip:a b@host')).toMatch(/user part/);
    expect(fault('sip:a@host;;lr')).toMatch(/empty URI parameter/);
    expect(fault('sip:a@host>')).toMatch(/unexpected/);
    expect(fault('sip:a@host?x')).toMatch(/no value/);
    expect(fault('tel:')).toMatch(/number/);
    expect(fault('isbn:has space')).toMatch(/bad character/);
  });
});
