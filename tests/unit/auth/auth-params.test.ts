import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isHeaderSafe, quoteString, scanAuthHeader } from '../../../src/sip/auth/auth-params';

function only(value: string) {
  const elements = scanAuthHeader(value);
  expect(elements).toHaveLength(1);
  return elements![0]!;
}

describe('scanAuthHeader', () => {
  it('reads the scheme and the parameters of the MicroSIP 401 challenge', () => {
    const el = only('Digest realm="ccmsipline", nonce="vP42jVSdIItGRD5nYmE71/4JD/ZYUQvL", algorithm=MD5');
    expect(el.scheme).toBe('Digest');
    expect(Object.fromEntries(el.params)).toEqual({
      realm: 'ccmsipline',
      nonce: 'vP42jVSdIItGRD5nYmE71/4JD/ZYUQvL',
      algorithm: 'MD5',
    });
  });

  it('lower-cases parameter names but keeps values as written', () => {
    const el = only('Digest REALM="MixedCase", Nonce=AbC');
    expect(el.params.get('realm')).toBe('MixedCase');
    expect(el.params.get('nonce')).toBe('AbC');
  });

  it('undoes quoted-pair escapes and keeps commas inside quotes', () => {
    const el = only('Digest realm="a \\"quoted\\" realm, with comma", nonce="back\\\\slash"');
    expect(el.params.get('realm')).toBe('a "quoted" realm, with comma');
    expect(el.params.get('nonce')).toBe('back\\slash');
  });

  it('tolerates extra whitespace, folded lines and empty list elements', () => {
    const el = only('  Digest\t realm = "r" ,, ,\r\n nonce="n"  ,  qop="auth" , ');
    expect(Object.fromEntries(el.params)).toEqual({ realm: 'r', nonce: 'n', qop: 'auth' });
  });

  it('reads bare base64 values that are not tokens', () => {
    expect(only('Digest realm=r, nonce=ab/c+d==, stale=TRUE').params.get('nonce')).toBe('ab/c+d==');
  });

  it('splits several challenges written in one line', () => {
    const elements = scanAuthHeader(
      'Digest realm="a", nonce="1", algorithm=SHA-256, Digest realm="a", nonce="2", algorithm=MD5',
    );
    expect(elements?.map((e) => [e.scheme, e.params.get('nonce'), e.params.get('algorithm')])).toEqual([
      ['Digest', '1', 'SHA-256'],
      ['Digest', '2', 'MD5'],
    ]);
  });

  it('reads a token68 scheme in front of a Digest challenge', () => {
    const elements = scanAuthHeader('Basic dXNlcjpwYXNz==, Digest realm="r", nonce="n"');
    expect(elements?.[0]).toEqual({ scheme: 'Basic', params: new Map(), token68: 'dXNlcjpwYXNz==' });
    expect(elements?.[1]?.params.get('realm')).toBe('r');
  });

  it('reads a scheme without parameters', () => {
    expect(scanAuthHeader('Negotiate, Digest realm="r", nonce="n"')?.map((e) => e.scheme)).toEqual([
      'Negotiate',
      'Digest',
    ]);
  });

  it('reads the unknown scheme of the RFC 4475 regaut01 torture message', () => {
    const message = readFileSync(new URL('../../fixtures/rfc4475/regaut01.dat', import.meta.url), 'latin1');
    const value = /^Authorization: (.*)$/m.exec(message)![1]!.replace(/\r$/, '');
    const el = only(value);
    expect(el.scheme).toBe('NoOneKnowsThisScheme');
    expect(el.params.get('opaque-data')).toBe('here');
  });

  it.each([
    ['an unterminated quoted string', 'Digest realm="open, nonce="n"'],
    ['a trailing backslash inside quotes', 'Digest realm="r\\'],
    ['a parameter without a scheme', 'realm="r", nonce="n"'],
    ['a repeated parameter', 'Digest realm="a", realm="b", nonce="n"'],
    ['two parameters without a comma', 'Digest realm="r" nonce="n"'],
    ['a line break inside a value', 'Digest realm="r\r\nVia: x", nonce="n"'],
    ['a stray character', 'Digest realm="r", @'],
  ])('rejects %s', (_what, value) => {
    expect(scanAuthHeader(value)).toBeUndefined();
  });

  it('returns no elements for an empty value', () => {
    expect(scanAuthHeader(' , ')).toEqual([]);
  });
});

describe('quoteString', () => {
  it('escapes double quotes and backslashes', () => {
    expect(quoteString('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it('round-trips any header-safe text through the scanner', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }).filter(isHeaderSafe), (text) => {
        expect(only(`Digest x=${quoteString(text)}`).params.get('x')).toBe(text);
      }),
    );
  });
});
