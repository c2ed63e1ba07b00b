import { describe, it, expect } from 'vitest';
import {
  computeDigestResponse,
  computeHa1,
  formatNonceCount,
  hashUsername,
  type DigestResponseInput,
} from '../../../src/sip/auth/digest-response';
import { findAlgorithm } from '../../../src/sip/auth/hash';

const alg = (name: string) => findAlgorithm(name)!;

// RFC 7616 §3.9.1 (password "Circle of Life" with a lower-case "of", erratum 4495).
const rfc7616Mufasa = {
  username: 'Mufasa',
  realm: 'http-auth@example.org',
  secret: { password: 'Circle of Life' },
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  nc: '00000001',
  qop: 'auth',
  method: 'GET',
  uri: '/dir/index.html',
} as const;

// RFC 7616 §3.9.2: "Jäsøn Doe" / "Secret, or not?".
const rfc7616Jason = {
  username: 'J\u00e4s\u00f8n Doe',
  realm: 'api@example.org',
  secret: { password: 'Secret, or not?' },
  nonce: '5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK',
  cnonce: 'NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v',
  nc: '00000001',
  qop: 'auth',
  method: 'GET',
  uri: '/doe.json',
} as const;

describe('digest response test vectors', () => {
  it('matches RFC 2617 §3.5 (MD5, qop=auth)', () => {
    expect(
      computeDigestResponse({
        algorithm: alg('MD5'),
        username: 'Mufasa',
        realm: 'testrealm@host.com',
        secret: { password: 'Circle Of Life' },
        nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
        cnonce: '0a4f113b',
        nc: '00000001',
        qop: 'auth',
        method: 'GET',
        uri: '/dir/index.html',
      }),
    ).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('matches the RFC 2069 §2.4 example without qop (corrected response from the RFC 2069 errata)', () => {
    expect(
      computeDigestResponse({
        algorithm: alg('MD5'),
        username: 'Mufasa',
        realm: 'testrealm@host.com',
        secret: { password: 'CircleOfLife' },
        nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
        method: 'GET',
        uri: '/dir/index.html',
      }),
    ).toBe('1949323746fe6a43ef61f9606e7febea');
  });

  it('matches RFC 7616 §3.9.1 with MD5', () => {
    expect(computeDigestResponse({ ...rfc7616Mufasa, algorithm: alg('MD5') })).toBe(
      '8ca523f5e9506fed4657c9700eebdbec',
    );
  });

  it('matches RFC 7616 §3.9.1 with SHA-256', () => {
    expect(computeDigestResponse({ ...rfc7616Mufasa, algorithm: alg('SHA-256') })).toBe(
      '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1',
    );
  });

  // The values printed in RFC 7616 §3.9.2 (username 488869…, response ae66e6…) are SHA-512 cut to 256
  // bits; erratum 4897 gives these for SHA-512/256 as FIPS 180-4 §6.7 defines it.
  it('matches RFC 7616 §3.9.2 with SHA-512-256 and userhash, as corrected by erratum 4897', () => {
    const sha512256 = alg('SHA-512-256');
    expect(hashUsername(sha512256, rfc7616Jason.username, rfc7616Jason.realm)).toBe(
      '793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b',
    );
    expect(computeDigestResponse({ ...rfc7616Jason, algorithm: sha512256 })).toBe(
      '3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5',
    );
  });

  it('does not reproduce the uncorrected RFC 7616 §3.9.2 values, which are not SHA-512/256', () => {
    const sha512256 = alg('SHA-512-256');
    expect(hashUsername(sha512256, rfc7616Jason.username, rfc7616Jason.realm)).not.toBe(
      '488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec',
    );
    expect(computeDigestResponse({ ...rfc7616Jason, algorithm: sha512256 })).not.toBe(
      'ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd',
    );
  });

  // The §3.9.2 request redone with SHA-256 and nc=00000123, as published in Chromium's digest tests.
  it('hashes the username and response of the §3.9.2 user with SHA-256 as another implementation does', () => {
    const sha256 = alg('SHA-256');
    expect(hashUsername(sha256, rfc7616Jason.username, rfc7616Jason.realm)).toBe(
      '5a1a8a47df5c298551b9b42ba9b05835174a5bd7d511ff7fe9191d8e946fc4e7',
    );
    expect(computeDigestResponse({ ...rfc7616Jason, algorithm: sha256, nc: '00000123' })).toBe(
      '61baba8a218e4b207f158ed9b9b3a95ed940c1872ef3ff4522eb10110720a145',
    );
  });
});

describe('digest response rules', () => {
  const base: DigestResponseInput = { ...rfc7616Mufasa, algorithm: alg('SHA-256') };

  it('gives the same response from a precomputed HA1 as from the password', () => {
    const ha1 = computeHa1(base);
    expect(computeDigestResponse({ ...base, secret: { ha1: ha1.toUpperCase() } })).toBe(computeDigestResponse(base));
  });

  it('folds nonce and cnonce into HA1 for -sess algorithms', () => {
    const sess = { ...base, algorithm: alg('SHA-256-sess') };
    const plainHa1 = computeHa1(base);
    expect(computeHa1(sess)).toBe(alg('SHA-256').hash(`${plainHa1}:${base.nonce}:${base.cnonce}`));
    expect(computeHa1({ ...sess, cnonce: 'other' })).not.toBe(computeHa1(sess));
  });

  it('hashes the body into the response for auth-int only', () => {
    const authInt = { ...base, qop: 'auth-int' as const };
    expect(computeDigestResponse({ ...authInt, body: 'v=0\r\n' })).not.toBe(
      computeDigestResponse({ ...authInt, body: 'v=1\r\n' }),
    );
    expect(computeDigestResponse({ ...base, body: 'v=0\r\n' })).toBe(computeDigestResponse({ ...base, body: 'v=1\r\n' }));
  });

  it('writes nc as eight lower-case hex digits', () => {
    expect(formatNonceCount(1)).toBe('00000001');
    expect(formatNonceCount(0x1ab)).toBe('000001ab');
    expect(formatNonceCount(0xffffffff)).toBe('ffffffff');
  });
});
