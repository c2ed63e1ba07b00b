/** Digest authentication (RFC 7616, RFC 8760, RFC 3261 §22): client, server check, and the pieces both use. */
export { scanAuthHeader, quoteString, type AuthElement } from './auth-params';
export { DIGEST_ALGORITHMS, findAlgorithm, type DigestAlgorithm, type DigestHashFamily } from './hash';
export {
  computeDigestResponse,
  computeHa1,
  hashUsername,
  formatNonceCount,
  type DigestQop,
  type DigestSecret,
  type DigestResponseInput,
} from './digest-response';
export {
  parseChallenge,
  parseChallenges,
  buildChallenge,
  type DigestChallenge,
  type BuildChallengeOptions,
} from './challenge';
export {
  parseAuthorization,
  formatAuthorization,
  type DigestAuthorizationParams,
  type ParseAuthorizationResult,
} from './authorization';
export type { DigestCredentials } from './credentials';
export {
  DigestClient,
  type DigestAuthorization,
  type DigestAuthorizationHeader,
  type DigestAuthorizeInput,
  type DigestAuthorizeResult,
} from './digest-client';
export { verifyAuthorization, type VerifyAuthorizationOptions, type VerifyAuthorizationResult } from './verify';
