import { describe, it, expect } from 'vitest';
import { buildChallenge, parseChallenge, parseChallenges } from '../../../src/sip/auth/challenge';

// The 401 CUCM 14 sent to MicroSIP 3.21 (reference 003).
const CUCM_401 = 'Digest realm="ccmsipline", nonce="vP42jVSdIItGRD5nYmE71/4JD/ZYUQvL", algorithm=MD5';

describe('parseChallenge', () => {
  it('reads the CUCM challenge from the MicroSIP trace', () => {
    expect(parseChallenge(CUCM_401)).toEqual({
      realm: 'ccmsipline',
      nonce: 'vP42jVSdIItGRD5nYmE71/4JD/ZYUQvL',
      algorithm: 'MD5',
      qop: [],
      stale: false,
      userhash: false,
    });
  });

  it('reads the RFC 7616 §3.9.2 challenge with qop, opaque, charset and userhash', () => {
    const challenge = parseChallenge(
      'Digest realm="api@example.org", qop="auth", algorithm=SHA-512-256, ' +
        'nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", ' +
        'opaque="HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS", charset=UTF-8, userhash=true',
    );
    expect(challenge).toEqual({
      realm: 'api@example.org',
      nonce: '5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK',
      opaque: 'HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS',
      algorithm: 'SHA-512-256',
      qop: ['auth'],
      stale: false,
      userhash: true,
    });
  });

  it('defaults to MD5 when the algorithm is absent', () => {
    expect(parseChallenge('Digest realm="r", nonce="n"')?.algorithm).toBe('MD5');
  });

  it('canonicalises known algorithm names and keeps unknown ones as written', () => {
    expect(parseChallenge('Digest realm="r", nonce="n", algorithm=sha-256-SESS')?.algorithm).toBe('SHA-256-sess');
    expect(parseChallenge('Digest realm="r", nonce="n", algorithm=SHA-1')?.algorithm).toBe('SHA-1');
  });

  it('splits the qop list and reads stale case-insensitively', () => {
    const challenge = parseChallenge('Digest realm="r", nonce="n", qop="auth-int, AUTH", stale=TRUE');
    expect(challenge?.qop).toEqual(['auth-int', 'auth']);
    expect(challenge?.stale).toBe(true);
  });

  it('returns undefined for other schemes, missing nonce or realm, and malformed values', () => {
    expect(parseChallenge('Basic realm="r"')).toBeUndefined();
    expect(parseChallenge('Digest realm="r"')).toBeUndefined();
    expect(parseChallenge('Digest nonce="n"')).toBeUndefined();
    expect(parseChallenge('Digest realm="r, nonce="n"')).toBeUndefined();
  });

  it('finds the Digest challenges among others in one line', () => {
    const challenges = parseChallenges(
      'Basic realm="b", Digest realm="r", nonce="1", algorithm=SHA-256, Digest realm="r", nonce="2"',
    );
    expect(challenges.map((c) => [c.nonce, c.algorithm])).toEqual([
      ['1', 'SHA-256'],
      ['2', 'MD5'],
    ]);
  });
});

describe('buildChallenge', () => {
  it('writes a challenge with a quoted qop list and bare algorithm and stale', () => {
    expect(
      buildChallenge({
        realm: '127.0.0.1',
        nonce: 'abc',
        opaque: 'o',
        algorithm: 'sha-256',
        qop: ['auth', 'auth-int'],
        stale: true,
      }),
    ).toBe('Digest realm="127.0.0.1", nonce="abc", opaque="o", algorithm=SHA-256, qop="auth,auth-int", stale=true');
  });

  it('writes the minimal MD5 challenge a CUCM-style registrar sends', () => {
    expect(buildChallenge({ realm: 'ccmsipline', nonce: 'vP42jVSdIItGRD5nYmE71/4JD/ZYUQvL', algorithm: 'MD5' })).toBe(
      CUCM_401,
    );
  });

  it('escapes quotes in the realm so that the challenge parses back to the same values', () => {
    const value = buildChallenge({ realm: 'say "hi" \\o/', nonce: 'n', algorithm: 'MD5', userhash: true });
    expect(parseChallenge(value)).toMatchObject({ realm: 'say "hi" \\o/', nonce: 'n', userhash: true });
  });

  it('throws on an algorithm, qop or line break it could not stand behind', () => {
    expect(() => buildChallenge({ realm: 'r', nonce: 'n', algorithm: 'SHA-1' })).toThrow(/algorithm/);
    expect(() => buildChallenge({ realm: 'r', nonce: 'n', algorithm: 'MD5', qop: ['auth-conf'] })).toThrow(/qop/);
    expect(() => buildChallenge({ realm: 'r\r\nX: y', nonce: 'n', algorithm: 'MD5' })).toThrow(/line break/);
  });
});
