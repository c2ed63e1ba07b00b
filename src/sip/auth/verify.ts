/**
 * Server side, for the embedded PBX: checks Authorization / Proxy-Authorization credentials against a
 * password or HA1 (RFC 7616 §3.4, RFC 3261 §22.4).
 *
 * stale is true only when the response was right for a nonce that is no longer valid, so the client
 * may retry with a fresh nonce without asking the user (RFC 7616 §3.3).
 */
import { parseAuthorization } from './authorization';
import { computeDigestResponse, hashUsername, type DigestQop, type DigestSecret } from './digest-response';
import { DIGEST_ALGORITHMS, findAlgorithm, type DigestHashFamily } from './hash';

export interface VerifyAuthorizationOptions {
  method: string;
  realm: string;
  password?: string;
  /** H(username ":" realm ":" password) of the family in ha1Algorithm (default MD5). */
  ha1?: string;
  ha1Algorithm?: DigestHashFamily;
  /** The request body; hashed when the client chose qop=auth-int. */
  body?: string;
  isNonceValid(nonce: string): boolean;
  /** The user the caller looked up. Required to check userhash=true credentials; compared when given. */
  username?: string;
  /** The Request-URI; when given the credentials' uri must equal it (RFC 2617 §3.2.2.5). */
  uri?: string;
  /** Algorithms the server offered; default every one we support. Stops a downgrade to a weaker one. */
  algorithms?: string[];
  /** qop values the server offered; when non-empty, credentials without one of them fail. */
  qop?: string[];
}

export type VerifyAuthorizationResult =
  | { ok: true; username: string; nonce: string; nc?: number }
  | { ok: false; stale: boolean; reason: string };

const NONCE_COUNT = /^[0-9a-f]{8}$/i;

export function verifyAuthorization(value: string, opts: VerifyAuthorizationOptions): VerifyAuthorizationResult {
  const fail = (reason: string): VerifyAuthorizationResult => ({ ok: false, stale: false, reason });

  const parsed = parseAuthorization(value);
  if (!parsed.ok) return fail(parsed.reason);
  const creds = parsed.params;

  if (creds.realm !== opts.realm) return fail('realm does not match');

  const algorithm = findAlgorithm(creds.algorithm);
  if (!algorithm) return fail(`unsupported algorithm ${creds.algorithm}`);
  const allowed = opts.algorithms ?? DIGEST_ALGORITHMS.map((a) => a.name);
  if (!allowed.some((name) => findAlgorithm(name) === algorithm)) {
    return fail(`algorithm ${algorithm.name} not offered`);
  }

  let qop: DigestQop | undefined;
  if (creds.qop !== undefined) {
    if (creds.qop !== 'auth' && creds.qop !== 'auth-int') return fail(`unsupported qop ${creds.qop}`);
    qop = creds.qop;
    if (creds.nc === undefined || !NONCE_COUNT.test(creds.nc)) return fail('qop without a valid nc');
    if (!creds.cnonce) return fail('qop without a cnonce');
  }
  if (opts.qop?.length && (!qop || !opts.qop.includes(qop))) return fail('qop not offered');
  if (algorithm.session && !qop) return fail('session algorithm without qop');

  let username = creds.username;
  if (creds.userhash) {
    if (opts.username === undefined) return fail('userhash needs the username from the caller');
    const expected = hashUsername(algorithm, opts.username, opts.realm);
    if (!constantTimeEqual(creds.username.toLowerCase(), expected)) return fail('username does not match');
    username = opts.username;
  } else if (opts.username !== undefined && opts.username !== username) {
    return fail('username does not match');
  }

  if (opts.uri !== undefined && opts.uri !== creds.uri) return fail('uri does not match the Request-URI');

  let secret: DigestSecret;
  if (opts.password !== undefined) secret = { password: opts.password };
  else if (opts.ha1 !== undefined && (opts.ha1Algorithm ?? 'MD5') === algorithm.family) secret = { ha1: opts.ha1 };
  else return fail(`no password or ${algorithm.family} HA1 to check against`);

  const expected = computeDigestResponse({
    algorithm,
    username,
    realm: opts.realm,
    secret,
    nonce: creds.nonce,
    method: opts.method,
    uri: creds.uri,
    qop,
    nc: creds.nc,
    cnonce: creds.cnonce,
    body: opts.body ?? '',
  });
  if (!constantTimeEqual(creds.response.toLowerCase(), expected)) return fail('wrong credentials');

  if (!opts.isNonceValid(creds.nonce)) return { ok: false, stale: true, reason: 'stale nonce' };

  const result: VerifyAuthorizationResult = { ok: true, username, nonce: creds.nonce };
  if (creds.nc !== undefined) result.nc = parseInt(creds.nc, 16);
  return result;
}

/** Compares without an early exit, so timing does not tell how much of a guess was right. */
function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}
