/**
 * The digest algorithms we speak (RFC 7616 §3.2 / RFC 8760 §2.2) and how strong each one is. Every
 * hash is over the UTF-8 bytes of its input and written as lower-case hex (RFC 7616 §3.4).
 */
import { md5 } from '@noble/hashes/legacy.js';
import { sha256, sha512_256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The hash functions; an HA1 computed with one of them is useless for the others. */
export type DigestHashFamily = 'MD5' | 'SHA-256' | 'SHA-512-256';

export interface DigestAlgorithm {
  /** The token as written in headers: "MD5", "SHA-256-sess"… */
  readonly name: string;
  readonly family: DigestHashFamily;
  /** "-sess" variants fold the nonce and cnonce into HA1 (RFC 7616 §3.4.2). */
  readonly session: boolean;
  /** Higher is stronger; ranks competing challenges. */
  readonly strength: number;
  /** H(data): lower-case hex digest of the UTF-8 bytes of `text`. */
  hash(text: string): string;
}

// SHA-512-256 is SHA-512/256 of FIPS 180-4 §6.7 (own initial values), not SHA-512 cut to 256 bits:
// the RFC 7616 §3.9.2 example was computed the second way and is corrected by erratum 4897.
const FAMILIES: Record<DigestHashFamily, { fn: (bytes: Uint8Array) => Uint8Array; strength: number }> = {
  MD5: { fn: md5, strength: 1 },
  'SHA-256': { fn: sha256, strength: 2 },
  'SHA-512-256': { fn: sha512_256, strength: 3 },
};

function makeAlgorithm(family: DigestHashFamily, session: boolean): DigestAlgorithm {
  const { fn, strength } = FAMILIES[family];
  return {
    name: session ? `${family}-sess` : family,
    family,
    session,
    strength,
    hash: (text) => bytesToHex(fn(utf8ToBytes(text))),
  };
}

export const DIGEST_ALGORITHMS: readonly DigestAlgorithm[] = (Object.keys(FAMILIES) as DigestHashFamily[]).flatMap(
  (family) => [makeAlgorithm(family, false), makeAlgorithm(family, true)],
);

/** Looks an algorithm token up, case-insensitively; undefined when we do not support it. */
export function findAlgorithm(token: string): DigestAlgorithm | undefined {
  const wanted = token.toLowerCase();
  return DIGEST_ALGORITHMS.find((a) => a.name.toLowerCase() === wanted);
}

/** Hex length of one digest of the family (32 for MD5, 64 for the SHA-2 ones). */
export function digestHexLength(family: DigestHashFamily): number {
  return family === 'MD5' ? 32 : 64;
}
