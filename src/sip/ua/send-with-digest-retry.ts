import type { DigestClient } from '../auth';
import { SipRequest, type SipResponse } from '../message';
import type { ResponseSource } from '../transaction/client-transaction';
import { answerChallenge, isChallenge } from './call/digest-retry';
import type { RequestSender } from './request-sender';

/** Stale nonces may be answered again (RFC 7616 §3.3), but a server that only ever says "stale" is cut off here. */
const MAX_CHALLENGES = 3;

export interface DigestRetryDeps {
  sender: RequestSender;
  /** Undefined when no password or HA1 is configured. */
  digest: DigestClient | undefined;
}

/** The final answer to a request sent with sendWithDigestRetry. */
export interface FinalResponse {
  /** The attempt that got it (after a challenge: the retried request). */
  request: SipRequest;
  response: SipResponse;
  source: ResponseSource;
  /** Set when a 401/407 is final because we could not (or may no longer) answer it. */
  authFailure?: string;
}

export interface DigestRetryListener {
  /** Each attempt, just before it is sent (the first one, then each retry with credentials). */
  attempt?(request: SipRequest): void;
  final(final: FinalResponse): void;
}

/**
 * Sends an out-of-dialog non-INVITE request (MESSAGE, OPTIONS…) and answers a 401/407 the way
 * RFC 3261 §22.2 says: the same request again with credentials, CSeq + 1 and a new branch. Fresh
 * credentials are tried once; a second challenge that is not stale means they are wrong.
 * The first attempt re-uses the cached challenge so a known proxy needs no extra round trip.
 */
export function sendWithDigestRetry(deps: DigestRetryDeps, request: SipRequest, listener: DigestRetryListener): void {
  let challenges = 0;
  let answeredFresh = false;
  const send = (current: SipRequest): void => {
    listener.attempt?.(current);
    deps.sender.send(current, (response, source) => {
      if (response.status < 200) return;
      if (source !== 'network' || !isChallenge(response)) return listener.final({ request: current, response, source });
      const answer = answerChallenge(deps.digest, current, response);
      if (!answer.ok) return listener.final({ request: current, response, source, authFailure: answer.reason });
      if (++challenges > MAX_CHALLENGES || (!answer.stale && answeredFresh)) {
        return listener.final({ request: current, response, source, authFailure: 'wrong user name or password' });
      }
      if (!answer.stale) answeredFresh = true;
      send(retryWith(current, answer.authorization.header, answer.authorization.value));
    });
  };
  const cached = deps.digest?.authorizeCached(request.method, request.uri.toString(), request.body);
  if (cached) request.append(cached.header, cached.value);
  send(request);
}

/** A copy of `request` with CSeq + 1 and `header` replaced by the new credentials. */
function retryWith(request: SipRequest, header: string, value: string): SipRequest {
  const retry = new SipRequest(
    request.method,
    request.uri.clone(),
    request.headers.filter((h) => h.name !== header && h.name !== 'Via').map((h) => ({ ...h })),
    request.body,
  );
  retry.set('CSeq', `${request.cseq.seq + 1} ${request.method}`);
  retry.append(header, value);
  return retry;
}
