import { describe, expect, it } from 'vitest';
import {
  SipParseError,
  SipRequest,
  formatReplaces,
  parseAuthParams,
  parseReplaces,
  type SipMessage,
} from '../../../src/sip';

function request(headers: [string, string][]): SipMessage {
  return new SipRequest('INVITE', 'sip:b@h', headers);
}

describe('typed extension headers', () => {
  it('parses auth-params with quoted commas, escapes and bare values', () => {
    const a = parseAuthParams(
      'Digest realm="atlanta.example.com", qop="auth,auth-int", nonce="ea9c8e88df84f1cec4341ae6cbe5a359",algorithm=SHA-256 , opaque="a\\"b", stale=FALSE',
    );
    expect(a.scheme).toBe('Digest');
    expect(Object.fromEntries(a.params)).toEqual({
      realm: 'atlanta.example.com',
      qop: 'auth,auth-int',
      nonce: 'ea9c8e88df84f1cec4341ae6cbe5a359',
      algorithm: 'SHA-256',
      opaque: 'a"b',
      stale: 'FALSE',
    });
    expect(parseAuthParams('NoOneKnowsThisScheme opaque-data=here').params.get('opaque-data')).toBe('here');
    expect(parseAuthParams('Digest USERNAME="u", uri=sip:a@b').params.get('uri')).toBe('sip:a@b');
  });

  it('refuses malformed auth-params', () => {
    expect(() => parseAuthParams('')).toThrow(/without a scheme/);
    expect(() => parseAuthParams('Digest realm')).toThrow(/without a value/);
    expect(() => parseAuthParams('Digest realm="x')).toThrow(/unterminated/);
    expect(() => parseAuthParams('Digest realm="x" nonce="y"')).toThrow(/between auth-params/);
  });

  it('reads one challenge per WWW-Authenticate / Proxy-Authenticate line', () => {
    const m = request([
      ['WWW-Authenticate', 'Digest realm="r", nonce="n1", algorithm=SHA-256'],
      ['WWW-Authenticate', 'Digest realm="r", nonce="n2", algorithm=MD5'],
      ['Proxy-Authenticate', 'Digest realm="p", nonce="n3"'],
    ]);
    expect(m.getAll('WWW-Authenticate')).toHaveLength(2);
    expect(m.authHeaders('WWW-Authenticate').map((c) => c.params.get('nonce'))).toEqual(['n1', 'n2']);
    expect(m.authHeaders('Proxy-Authenticate')[0]!.params.get('realm')).toBe('p');
    expect(m.authHeaders('Authorization')).toEqual([]);
  });

  it('parses Replaces (RFC 3891) from the header and from a Refer-To URI', () => {
    const m = request([
      ['Replaces', '425928@bobster.example.org;to-tag=7743;from-tag=6472;early-only'],
      ['Refer-To', '<sip:bob@h?Replaces=12345%40192.168.118.3%3Bto-tag%3D12345%3Bfrom-tag%3D5FFE-3994>'],
    ]);
    expect(m.replaces).toMatchObject({ callId: '425928@bobster.example.org', toTag: '7743', fromTag: '6472', earlyOnly: true });
    const embedded = parseReplaces(m.referTo!.uri.headers.get('Replaces')!);
    expect(embedded).toMatchObject({ callId: '12345@192.168.118.3', toTag: '12345', fromTag: '5FFE-3994', earlyOnly: false });
    expect(formatReplaces(embedded)).toBe('12345@192.168.118.3;to-tag=12345;from-tag=5FFE-3994');
    expect(() => parseReplaces('abc;to-tag=1')).toThrow(/from-tag/);
  });

  it('parses Session-Expires with refresher and Min-SE (RFC 4028)', () => {
    const m = request([['x', '1800 ; refresher=UAS'], ['Min-SE', '90;x=1']]);
    expect(m.sessionExpires).toMatchObject({ delta: 1800, refresher: 'uas' });
    expect(m.minSE).toBe(90);
    expect(() => request([['Session-Expires', 'soon']]).sessionExpires).toThrow(SipParseError);
    expect(() => request([['Session-Expires', '90;refresher=me']]).sessionExpires).toThrow(/refresher/);
  });

  it('parses RSeq and RAck (RFC 3262)', () => {
    const m = request([['RSeq', '988789'], ['RAck', '776656 1 INVITE']]);
    expect(m.rseq).toBe(988789);
    expect(m.rack).toEqual({ rseq: 776656, seq: 1, method: 'INVITE' });
    expect(() => request([['RSeq', '0']]).rseq).toThrow(SipParseError);
    expect(() => request([['RAck', '1 INVITE']]).rack).toThrow(SipParseError);
  });

  it('parses Event and Subscription-State (RFC 6665)', () => {
    const m = request([['o', 'refer;id=93809824'], ['Subscription-State', 'terminated;reason=noresource;retry-after=30']]);
    expect(m.event).toMatchObject({ type: 'refer', id: '93809824' });
    expect(m.subscriptionState).toMatchObject({ state: 'terminated', reason: 'noresource', retryAfter: 30 });
    expect(request([['Subscription-State', 'active;expires=600']]).subscriptionState?.expires).toBe(600);
    expect(() => request([['Event', '']]).event).toThrow(SipParseError);
  });

  it('parses Refer-To, Referred-By and P-Asserted-Identity addresses', () => {
    const m = request([
      ['r', '<sip:carol@c.example>'],
      ['b', '"Alice" <sip:alice@a.example>'],
      ['P-Asserted-Identity', '"Cullen Jennings" <sip:fluffy@cisco.com>, <tel:+14085264000>'],
    ]);
    expect(m.referTo?.uri.aor).toBe('sip:carol@c.example');
    expect(m.referredBy?.displayName).toBe('Alice');
    expect(m.pAssertedIdentity.map((a) => a.uri.toString())).toEqual(['sip:fluffy@cisco.com', 'tel:+14085264000']);
  });

  it('parses Reason values (RFC 3326)', () => {
    const m = request([['Reason', 'SIP ;cause=200 ;text="Call completed elsewhere", Q.850;cause=16;text="Terminated"']]);
    expect(m.reasonValues).toEqual([
      { protocol: 'SIP', cause: 200, text: 'Call completed elsewhere', params: expect.any(Map) },
      { protocol: 'Q.850', cause: 16, text: 'Terminated', params: expect.any(Map) },
    ]);
  });

  it('parses Retry-After with a comment and duration, clamping overlarge values', () => {
    const m = request([['Retry-After', '18000 (in a (nested) meeting) ;duration=3600']]);
    expect(m.retryAfter).toMatchObject({ delta: 18000, comment: 'in a (nested) meeting', duration: 3600 });
    expect(request([['Retry-After', '949302838503028349304023988']]).retryAfter?.delta).toBe(2 ** 32 - 1);
    expect(() => request([['Retry-After', '5 (open']]).retryAfter).toThrow(/comment/);
  });

  it('parses Min-Expires and Content-Type with parameters', () => {
    const m = request([['Min-Expires', '3600'], ['c', 'Multipart/Mixed ; boundary="7a9c"']]);
    expect(m.minExpires).toBe(3600);
    expect(m.contentType).toBe('multipart/mixed');
    expect(m.mediaType?.params.get('boundary')).toBe('"7a9c"');
    expect(() => request([['Content-Type', 'sdp']]).contentType).toThrow(SipParseError);
  });

  it('reads option-tag lists: Unsupported, Proxy-Require, Allow-Events', () => {
    const m = request([['Unsupported', 'foo'], ['Proxy-Require', 'x, y'], ['u', 'refer,presence']]);
    expect(m.unsupported).toEqual(['foo']);
    expect(m.proxyRequire).toEqual(['x', 'y']);
    expect(m.allowEvents).toEqual(['refer', 'presence']);
  });

  it('returns undefined for absent optional headers', () => {
    const m = request([]);
    expect([m.event, m.replaces, m.sessionExpires, m.minSE, m.rseq, m.rack, m.retryAfter, m.minExpires, m.referTo]).toEqual(
      Array(9).fill(undefined),
    );
    expect(m.pAssertedIdentity).toEqual([]);
    expect(m.reasonValues).toEqual([]);
  });
});
