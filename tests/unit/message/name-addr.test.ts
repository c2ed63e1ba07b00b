import { describe, expect, it } from 'vitest';
import { NameAddr, SipParseError } from '../../../src/sip';

function fault(text: string): string {
  try {
    NameAddr.parse(text);
  } catch (error) {
    if (error instanceof SipParseError) return error.fault;
    throw error;
  }
  throw new Error(`${text} was accepted`);
}

describe('NameAddr', () => {
  it('parses a quoted display name with escapes, the URI and header params', () => {
    const a = NameAddr.parse('"Bob \\"the\\" Builder \\\\o/" <sip:bob@biloxi.com;transport=ws>;tag=a6c85cf;expires=60');
    expect(a.displayName).toBe('Bob "the" Builder \\o/');
    expect(a.uri.toString()).toBe('sip:bob@biloxi.com;transport=ws');
    expect(a.tag).toBe('a6c85cf');
    expect(a.params.get('expires')).toBe('60');
  });

  it('accepts a token display name with no space before <', () => {
    const a = NameAddr.parse('caller<sip:caller@example.com>;tag=323');
    expect(a.displayName).toBe('caller');
    expect(a.tag).toBe('323');
  });

  it('accepts a multi-token display name', () => {
    expect(NameAddr.parse('Alice  Liddell <sip:alice@a.example>').displayName).toBe('Alice  Liddell');
  });

  it('gives the params of a bare addr-spec to the header, not the URI', () => {
    const a = NameAddr.parse('sip:user@host.example.com;tag=887s;unknownparam');
    expect(a.uri.params.size).toBe(0);
    expect(a.tag).toBe('887s');
    expect(a.params.get('unknownparam')).toBeNull();
    expect(a.displayName).toBeUndefined();
  });

  it('keeps quoted param values with their quotes, e.g. +sip.instance', () => {
    const a = NameAddr.parse('<sip:a@b;ob>;reg-id=1;+sip.instance="<urn:uuid:00000000-0000-1000-8000-000A95A0E128>"');
    expect(a.params.get('+sip.instance')).toBe('"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>"');
    expect(a.params.get('reg-id')).toBe('1');
  });

  it('allows whitespace around ; and = in header params', () => {
    const a = NameAddr.parse('<sip:a@b> ;  tag = x1 ; q = 0.5');
    expect([...a.params]).toEqual([
      ['tag', 'x1'],
      ['q', '0.5'],
    ]);
  });

  it('serializes in name-addr form, quoting and escaping the display name', () => {
    expect(NameAddr.parse('sip:a@b;tag=1').toString()).toBe('<sip:a@b>;tag=1');
    expect(NameAddr.parse('"A \\"B\\"" <sip:a@b>').toString()).toBe('"A \\"B\\"" <sip:a@b>');
    expect(NameAddr.parse('Alice <sip:a@b>').toString()).toBe('"Alice" <sip:a@b>');
  });

  it('turns CR and LF in a display name into spaces so it cannot inject header lines', () => {
    const a = new NameAddr(NameAddr.parse('<sip:a@b>').uri, 'Eve\r\nVia: SIP/2.0/WS evil');
    expect(a.toString()).toBe('"Eve  Via: SIP/2.0/WS evil" <sip:a@b>');
  });

  it('round-trips through toString to an equal structure', () => {
    for (const text of [
      '"J Rosenberg \\\\\\"" <sip:jdrosen@example.com>;tag=98asjd8',
      'sip:user@example.com;unknownparam',
      '<sip:user@example.com?Route=%3Csip:sip.example.com%3E>',
      '"" <tel:+1234;phone-context=x>',
      '<urn:service:sos>',
    ]) {
      const a = NameAddr.parse(text);
      const b = NameAddr.parse(a.toString());
      expect(b.displayName).toBe(a.displayName);
      expect(b.uri.toString()).toBe(a.uri.toString());
      expect([...b.params]).toEqual([...a.params]);
    }
  });

  it('clones deeply', () => {
    const a = NameAddr.parse('<sip:a@b>;tag=1');
    const b = a.clone();
    b.params.set('tag', '2');
    b.uri.user = 'z';
    expect(a.toString()).toBe('<sip:a@b>;tag=1');
  });

  it('refuses malformed addresses with a SipParseError naming the fault', () => {
    expect(fault('"Mr. J. User <sip:j.user@example.com>')).toMatch(/unterminated quoted/);
    expect(fault('Bell, Alexander <sip:a.g.bell@bell-tel.com>')).toMatch(/unquoted display name/);
    expect(fault('< sip:t.watson@example.org >')).toMatch(/URI scheme/);
    expect(fault('<sip:a@b')).toMatch(/unterminated <URI>/);
    expect(fault('"x" sip:a@b')).toMatch(/not followed by <URI>/);
    expect(fault('sip:user@example.com?Route=%3Csip:x%3E')).toMatch(/not enclosed in <>/);
    expect(fault('<sip:a@b>;;tag=1')).toMatch(/empty parameter/);
    expect(fault('<sip:a@b>;tag=')).toMatch(/empty value/);
    expect(fault('<sip:a@b> junk')).toMatch(/unexpected/);
    expect(fault('')).toMatch(/empty/);
  });
});
