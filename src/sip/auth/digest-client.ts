/**
 * Answers 401/407 challenges for one user agent (RFC 3261 §22.2, §22.3) and re-uses the last challenge
 * on later requests so they need no extra round trip (SIPconnect 2.0 §16.6.1 rule 2).
 *
 * nc counts the requests sent with each nonce (RFC 7616 §3.4). One cnonce is drawn per nonce and kept
 * with it: a "-sess" HA1 is bound to the first cnonce (RFC 2617 §3.2.2.2), and the rising nc already
 * makes every response distinct.
 */
import { randomToken, type Random } from '../ports';
import { formatAuthorization } from './authorization';
import { chooseChallenge, type ChosenChallenge } from './choose-challenge';
import type { DigestCredentials } from './credentials';
import { computeDigestResponse, formatNonceCount, hashUsername, type DigestSecret } from './digest-response';

export type DigestAuthorizationHeader = 'Authorization' | 'Proxy-Authorization';

export interface DigestAuthorization {
  header: DigestAuthorizationHeader;
  value: string;
}

export interface DigestAuthorizeInput {
  status: 401 | 407;
  /** Values of WWW-Authenticate (401) or Proxy-Authenticate (407), one per header line. */
  challengeHeaders: string[];
  method: string;
  /** The Request-URI of the request being retried. */
  uri: string;
  body: string;
}

export type DigestAuthorizeResult =
  | ({ ok: true; stale: boolean } & DigestAuthorization)
  | { ok: false; reason: string };

const CNONCE_BYTES = 16;
// Nonces to remember counts for; a UA talks to a registrar and a proxy or two, not to hundreds.
const MAX_TRACKED_NONCES = 16;

interface NonceUse {
  count: number;
  cnonce: string;
}

export class DigestClient {
  readonly #nonces = new Map<string, NonceUse>();
  #cached: { chosen: ChosenChallenge; header: DigestAuthorizationHeader } | undefined;
  readonly #credentials: DigestCredentials;
  readonly #random: Random;

  constructor(
    credentials: DigestCredentials,
    random: Random,
  ) {
    this.#credentials = credentials;
    this.#random = random;
  }

  /**
   * Answers a challenge. `stale: true` means the server only wants a fresh nonce: the credentials were
   * fine, so the caller retries without counting it as a failed attempt or asking the user.
   */
  authorize(input: DigestAuthorizeInput): DigestAuthorizeResult {
    const chosen = chooseChallenge(input.challengeHeaders, this.#credentials);
    if (!chosen.ok) {
      // The server has moved on from the cached challenge; pre-sending it would only earn another 401.
      this.#cached = undefined;
      return { ok: false, reason: `${input.status}: ${chosen.reason}` };
    }
    const header: DigestAuthorizationHeader = input.status === 407 ? 'Proxy-Authorization' : 'Authorization';
    this.#cached = { chosen, header };
    const value = this.#answer(chosen, input.method, input.uri, input.body);
    return { ok: true, header, value, stale: chosen.challenge.stale };
  }

  /** Credentials for a new request from the last challenge (nc + 1); undefined before any challenge. */
  authorizeCached(method: string, uri: string, body: string): DigestAuthorization | undefined {
    if (!this.#cached) return undefined;
    return { header: this.#cached.header, value: this.#answer(this.#cached.chosen, method, uri, body) };
  }

  #answer({ challenge, algorithm, qop }: ChosenChallenge, method: string, uri: string, body: string): string {
    const { username } = this.#credentials;
    const use = this.#nextUse(challenge.nonce);
    const nc = qop ? formatNonceCount(use.count) : undefined;
    const cnonce = qop ? use.cnonce : undefined;
    const response = computeDigestResponse({
      algorithm,
      username,
      realm: challenge.realm,
      secret: this.#secret(),
      nonce: challenge.nonce,
      method,
      uri,
      qop,
      nc,
      cnonce,
      body,
    });
    return formatAuthorization({
      username: challenge.userhash ? hashUsername(algorithm, username, challenge.realm) : username,
      realm: challenge.realm,
      nonce: challenge.nonce,
      uri,
      response,
      algorithm: algorithm.name,
      cnonce,
      opaque: challenge.opaque,
      qop,
      nc,
      userhash: challenge.userhash,
    });
  }

  #nextUse(nonce: string): NonceUse {
    const known = this.#nonces.get(nonce);
    const use = known
      ? { ...known, count: known.count + 1 }
      : { count: 1, cnonce: randomToken(this.#random, CNONCE_BYTES) };
    // Re-inserted so the Map's order is least recently used first, which is the one to forget.
    this.#nonces.delete(nonce);
    this.#nonces.set(nonce, use);
    if (this.#nonces.size > MAX_TRACKED_NONCES) this.#nonces.delete(this.#nonces.keys().next().value!);
    return use;
  }

  #secret(): DigestSecret {
    const { password, ha1 } = this.#credentials;
    // chooseChallenge only lets a challenge through when one of them is usable.
    return password !== undefined ? { password } : { ha1: ha1! };
  }
}
