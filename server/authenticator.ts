import { createResponse, type SipRequest, type SipResponse } from '../src/sip';
import { buildChallenge, verifyAuthorization } from '../src/sip/auth';
import { sameName } from './header-edit';
import type { NonceIssuer } from './nonce-issuer';
import type { UserSecret } from './users-config';

/** The digest algorithms the PBX can challenge with (RFC 8760). */
export type ChallengeAlgorithm = 'MD5' | 'SHA-256';

export interface AuthenticatorOptions {
  realm: string;
  /** One challenge per entry, in this order (RFC 8760 §2.4: preferred first). */
  algorithms: ChallengeAlgorithm[];
  nonces: NonceIssuer;
}

/** Registrars challenge with 401/WWW-Authenticate, proxies with 407/Proxy-Authenticate (RFC 3261 §22.3). */
export type AuthRole = 'registrar' | 'proxy';

const QOP = ['auth'];

/**
 * Digest authentication of requests from configured users. Wrong credentials are simply challenged
 * again: the client decides when to give up. Expired nonces with correct credentials are challenged
 * with stale=true so the client retries without asking its user.
 */
export class Authenticator {
  constructor(private readonly options: AuthenticatorOptions) {}

  /** undefined when `request` carries valid credentials of `user`; otherwise the challenge to send. */
  check(request: SipRequest, user: string, secret: UserSecret, role: AuthRole, toTag: string): SipResponse | undefined {
    const header = role === 'registrar' ? 'Authorization' : 'Proxy-Authorization';
    let stale = false;
    // Not getAll(): credentials contain commas and are not a comma-separated list.
    for (const field of request.headers) {
      if (!sameName(field.name, header)) continue;
      const result = verifyAuthorization(field.value, {
        method: request.method,
        realm: this.options.realm,
        ...secret,
        body: request.body,
        username: user,
        algorithms: this.options.algorithms,
        qop: QOP,
        isNonceValid: (nonce) => this.options.nonces.isValid(nonce),
      });
      if (result.ok) return undefined;
      stale ||= result.stale;
    }
    return this.challenge(request, role, stale, toTag);
  }

  private challenge(request: SipRequest, role: AuthRole, stale: boolean, toTag: string): SipResponse {
    const response =
      role === 'registrar'
        ? createResponse(request, 401, 'Unauthorized', toTag)
        : createResponse(request, 407, 'Proxy Authentication Required', toTag);
    const header = role === 'registrar' ? 'WWW-Authenticate' : 'Proxy-Authenticate';
    for (const algorithm of this.options.algorithms) {
      const value = buildChallenge({
        realm: this.options.realm,
        nonce: this.options.nonces.issue(),
        algorithm,
        qop: QOP,
        stale,
      });
      response.append(header, value);
    }
    return response;
  }
}
