import { describe, expect, it } from 'vitest';
import { parseCallTarget, SipUri } from '../../../src/sip';

const ACCOUNT = SipUri.parse('sip:1000@pbx.example.com');

function target(text: string, account = ACCOUNT): string | undefined {
  return parseCallTarget(text, account)?.toString();
}

describe('parseCallTarget', () => {
  it('puts a bare extension in the account domain', () => {
    expect(target('1001')).toBe('sip:1001@pbx.example.com');
  });

  it('strips the separators people type in phone numbers and marks E.164 numbers user=phone', () => {
    expect(target(' +1 (555) 010-9999 ')).toBe('sip:+15550109999@pbx.example.com;user=phone');
    expect(target('555.0199')).toBe('sip:5550199@pbx.example.com');
  });

  it('keeps star codes and the hash sign, escaping # in the URI', () => {
    expect(target('*97')).toBe('sip:*97@pbx.example.com');
    expect(target('123#')).toBe('sip:123%23@pbx.example.com');
  });

  it('keeps the port of the account domain', () => {
    expect(target('1001', SipUri.parse('sip:1000@127.0.0.1:5070'))).toBe('sip:1001@127.0.0.1:5070');
  });

  it('takes sip: and sips: URIs as written', () => {
    expect(target('sip:alice@example.org;transport=ws')).toBe('sip:alice@example.org;transport=ws');
    expect(target('SIPS:bob@example.org')).toBe('sips:bob@example.org');
  });

  it('reads user@host as a sip: URI and a name as a user in the account domain', () => {
    expect(target('alice@example.org')).toBe('sip:alice@example.org');
    expect(target('reception')).toBe('sip:reception@pbx.example.com');
  });

  it('turns a tel: URI into a sip: URI with user=phone in the account domain (RFC 3261 §19.1.6)', () => {
    expect(target('tel:+15550100')).toBe('sip:+15550100@pbx.example.com;user=phone');
  });

  it('returns undefined for text that is no address', () => {
    expect(target('')).toBeUndefined();
    expect(target('   ')).toBeUndefined();
    expect(target('<<nobody>>')).toBeUndefined();
    expect(target('sip:')).toBeUndefined();
    expect(target('call me maybe')).toBeUndefined();
  });
});
