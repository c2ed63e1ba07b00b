import { describe, it, expect } from 'vitest';
import { DIGEST_ALGORITHMS, digestHexLength, findAlgorithm } from '../../../src/sip/auth/hash';

describe('digest algorithm table', () => {
  it('offers MD5, SHA-256 and SHA-512-256, each with its -sess variant', () => {
    expect(DIGEST_ALGORITHMS.map((a) => a.name)).toEqual([
      'MD5',
      'MD5-sess',
      'SHA-256',
      'SHA-256-sess',
      'SHA-512-256',
      'SHA-512-256-sess',
    ]);
  });

  it('finds algorithms case-insensitively and rejects unknown ones', () => {
    expect(findAlgorithm('sha-256-SESS')?.name).toBe('SHA-256-sess');
    expect(findAlgorithm('SHA-1')).toBeUndefined();
    expect(findAlgorithm('SHA-512')).toBeUndefined();
  });

  it('ranks SHA-512-256 above SHA-256 above MD5', () => {
    const strength = (name: string) => findAlgorithm(name)!.strength;
    expect(strength('SHA-512-256')).toBeGreaterThan(strength('SHA-256'));
    expect(strength('SHA-256')).toBeGreaterThan(strength('MD5'));
    expect(strength('MD5-sess')).toBe(strength('MD5'));
  });

  // FIPS 180-4 example "abc" digests; SHA-512/256 must use its own initial values, not a cut SHA-512.
  it.each([
    ['MD5', '900150983cd24fb0d6963f7d28e17f72'],
    ['SHA-256', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['SHA-512-256', '53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23'],
  ])('hashes "abc" with %s to the published digest', (name, digest) => {
    const algorithm = findAlgorithm(name)!;
    expect(algorithm.hash('abc')).toBe(digest);
    expect(digest).toHaveLength(digestHexLength(algorithm.family));
  });

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    // "ä" is C3 A4 in UTF-8; MD5 of those two bytes.
    expect(findAlgorithm('MD5')!.hash('\u00e4')).toBe('8419b71c87a225a2c70b50486fbee545');
  });
});
