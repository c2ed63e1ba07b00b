/**
 * The digest computation itself (RFC 7616 §3.4, RFC 2617 §3.2.2, RFC 2069 §2.1.2), shared by the client
 * and the server so both sides agree by construction and the test vectors pin them both.
 */
import type { DigestAlgorithm } from './hash';

export type DigestQop = 'auth' | 'auth-int';

/** What the user knows: the password, or HA1 = H(username ":" realm ":" password) computed ahead. */
export type DigestSecret = { password: string } | { ha1: string };

export interface DigestResponseInput {
  algorithm: DigestAlgorithm;
  /** The real username, never its userhash: HA1 is always over the plain name (RFC 7616 §3.4.4). */
  username: string;
  realm: string;
  secret: DigestSecret;
  nonce: string;
  method: string;
  uri: string;
  /** Absent: the RFC 2069 form the MicroSIP/CUCM trace uses. */
  qop?: DigestQop;
  /** Eight hex digits; required with qop. */
  nc?: string;
  /** Required with qop and with every "-sess" algorithm. */
  cnonce?: string;
  /** Hashed for auth-int only. */
  body?: string;
}

/** HA1 after the "-sess" step (RFC 7616 §3.4.2). */
export function computeHa1(input: DigestResponseInput): string {
  const { algorithm: alg, secret } = input;
  const base =
    'ha1' in secret ? secret.ha1.toLowerCase() : alg.hash(`${input.username}:${input.realm}:${secret.password}`);
  return alg.session ? alg.hash(`${base}:${input.nonce}:${input.cnonce ?? ''}`) : base;
}

/** The request-digest that goes into response="…" (RFC 7616 §3.4.1, §3.4.3). */
export function computeDigestResponse(input: DigestResponseInput): string {
  const { algorithm: alg } = input;
  const a2 =
    input.qop === 'auth-int'
      ? `${input.method}:${input.uri}:${alg.hash(input.body ?? '')}`
      : `${input.method}:${input.uri}`;
  const ha1 = computeHa1(input);
  const ha2 = alg.hash(a2);
  if (!input.qop) return alg.hash(`${ha1}:${input.nonce}:${ha2}`);
  return alg.hash(`${ha1}:${input.nonce}:${input.nc ?? ''}:${input.cnonce ?? ''}:${input.qop}:${ha2}`);
}

/** username="…" when the server asks for userhash=true: H(username ":" realm) (RFC 7616 §3.4.4). */
export function hashUsername(algorithm: DigestAlgorithm, username: string, realm: string): string {
  return algorithm.hash(`${username}:${realm}`);
}

/** nc: how many requests used this nonce, as eight lower-case hex digits (RFC 7616 §3.4). */
export function formatNonceCount(count: number): string {
  return (count >>> 0).toString(16).padStart(8, '0');
}
