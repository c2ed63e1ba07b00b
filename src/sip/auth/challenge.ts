/**
 * Digest challenges: reading WWW-Authenticate / Proxy-Authenticate values (RFC 7616 §3.3, RFC 3261
 * §22.1) and writing them for the embedded PBX.
 */
import { isHeaderSafe, quoteString, scanAuthHeader, type AuthElement } from './auth-params';
import { findAlgorithm } from './hash';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  /** Canonical spelling when we know the algorithm ("SHA-256"), as written otherwise; "MD5" when absent. */
  algorithm: string;
  /** qop-options, lower-case; empty when the server sent none (RFC 2069 style). */
  qop: string[];
  stale: boolean;
  userhash: boolean;
}

/** Reads one scanned element as a Digest challenge; undefined when it is another scheme or lacks realm/nonce. */
export function toDigestChallenge(element: AuthElement): DigestChallenge | undefined {
  if (element.scheme.toLowerCase() !== 'digest') return undefined;
  const p = element.params;
  const realm = p.get('realm');
  const nonce = p.get('nonce');
  if (realm === undefined || nonce === undefined) return undefined;
  // An absent algorithm means MD5 (RFC 2617 §3.2.1, kept by RFC 7616 §3.3).
  const written = p.get('algorithm') || 'MD5';
  const challenge: DigestChallenge = {
    realm,
    nonce,
    algorithm: findAlgorithm(written)?.name ?? written,
    qop: splitList(p.get('qop') ?? ''),
    stale: p.get('stale')?.toLowerCase() === 'true',
    userhash: p.get('userhash')?.toLowerCase() === 'true',
  };
  const opaque = p.get('opaque');
  if (opaque !== undefined) challenge.opaque = opaque;
  return challenge;
}

/** Every Digest challenge in one header value, in the order written. */
export function parseChallenges(value: string): DigestChallenge[] {
  const out: DigestChallenge[] = [];
  for (const element of scanAuthHeader(value) ?? []) {
    const challenge = toDigestChallenge(element);
    if (challenge) out.push(challenge);
  }
  return out;
}

/** The first Digest challenge in a header value; undefined when there is none or the value is malformed. */
export function parseChallenge(value: string): DigestChallenge | undefined {
  return parseChallenges(value)[0];
}

export interface BuildChallengeOptions {
  realm: string;
  nonce: string;
  algorithm: string;
  qop?: string[];
  stale?: boolean;
  opaque?: string;
  /** Ask the client to send H(username ":" realm) instead of its name (RFC 7616 §3.4.4). */
  userhash?: boolean;
}

const QOP_VALUES = new Set(['auth', 'auth-int']);

/** A WWW-Authenticate (or Proxy-Authenticate) value. Throws on an algorithm or qop we could not verify. */
export function buildChallenge(opts: BuildChallengeOptions): string {
  for (const text of [opts.realm, opts.nonce, opts.opaque ?? '']) {
    if (!isHeaderSafe(text)) throw new Error('buildChallenge: line break in realm, nonce or opaque');
  }
  const algorithm = findAlgorithm(opts.algorithm);
  if (!algorithm) throw new Error(`buildChallenge: unsupported algorithm ${opts.algorithm}`);
  const qop = opts.qop ?? [];
  for (const q of qop) if (!QOP_VALUES.has(q)) throw new Error(`buildChallenge: unsupported qop ${q}`);

  const parts = [`realm=${quoteString(opts.realm)}`, `nonce=${quoteString(opts.nonce)}`];
  if (opts.opaque !== undefined) parts.push(`opaque=${quoteString(opts.opaque)}`);
  parts.push(`algorithm=${algorithm.name}`);
  // qop-options is a quoted list in challenges, unlike the bare qop of credentials (RFC 7616 §3.3).
  if (qop.length) parts.push(`qop=${quoteString(qop.join(','))}`);
  if (opts.stale) parts.push('stale=true');
  if (opts.userhash) parts.push('userhash=true');
  return `Digest ${parts.join(', ')}`;
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}
