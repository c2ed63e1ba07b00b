import type { DigestAuthorization, DigestClient } from '../../auth';
import type { SipRequest, SipResponse } from '../../message';

export type ChallengeAnswer = { ok: true; authorization: DigestAuthorization; stale: boolean } | { ok: false; reason: string };

/** Credentials for retrying `request` after its 401/407 (RFC 3261 §22.2), or why there are none. */
export function answerChallenge(digest: DigestClient | undefined, request: SipRequest, response: SipResponse): ChallengeAnswer {
  if (!digest) return { ok: false, reason: 'The server asks for a password, but none is set' };
  const status = response.status as 401 | 407;
  const result = digest.authorize({
    status,
    challengeHeaders: response.getAll(status === 401 ? 'WWW-Authenticate' : 'Proxy-Authenticate'),
    method: request.method,
    uri: request.uri.toString(),
    body: request.body,
  });
  if (!result.ok) return { ok: false, reason: `Cannot authenticate: ${result.reason}` };
  return { ok: true, authorization: { header: result.header, value: result.value }, stale: result.stale };
}

/** §22.1: an ACK for a 2xx carries the credentials of the INVITE it acknowledges. */
export function credentialsOf(request: SipRequest): [string, string][] {
  return ['Authorization', 'Proxy-Authorization'].flatMap((name) => request.getAll(name).map((value): [string, string] => [name, value]));
}

export function isChallenge(response: SipResponse): boolean {
  return response.status === 401 || response.status === 407;
}
