import type { SipUri } from '../message';
import type { Timers } from '../ports';
import { TIMER_F } from '../transaction/timers';
import { parseCallTarget } from './call/call-target';
import type { RequestFactory } from './request-factory';
import { sendWithDigestRetry, type DigestRetryDeps } from './send-with-digest-retry';

/**
 * What an OPTIONS ping learnt. Any final answer means the target is reachable, even a 404 or a
 * 407 we could not answer: something there spoke SIP. `rttMs` times the last attempt only (after
 * a challenge, the one with credentials).
 */
export type PingResult =
  | {
      reachable: true;
      status: number;
      reason: string;
      allow: string[];
      accept: string[];
      supported: string[];
      /** The answer's User-Agent, else its Server header. */
      userAgent?: string;
      rttMs: number;
    }
  | { reachable: false; cause: 'timeout' | 'transport' | 'invalid-target'; message: string };

export interface PingDeps extends DigestRetryDeps {
  factory: RequestFactory;
  accountUri: SipUri;
  timers: Timers;
}

/** Sends OPTIONS (RFC 3261 §11) out of dialog to `target` ("1001", "sip:127.0.0.1", …). */
export function ping(deps: PingDeps, target: string): Promise<PingResult> {
  const uri = parseCallTarget(target, deps.accountUri);
  if (!uri) return Promise.resolve({ reachable: false, cause: 'invalid-target', message: `"${target}" is not an address` });
  // §11.1: Accept says what we would like to hear about; SDP is what an OPTIONS answer may describe.
  const request = deps.factory.create('OPTIONS', uri, { headers: [['Accept', 'application/sdp']] });
  return new Promise((resolve) => {
    let sentAt = 0;
    sendWithDigestRetry(deps, request, {
      attempt: () => (sentAt = deps.timers.now()),
      final: ({ response, source }) => {
        if (source === 'timeout') return resolve({ reachable: false, cause: 'timeout', message: `No answer from ${uri.toString()} within ${TIMER_F / 1000} s` });
        if (source === 'transport-error') return resolve({ reachable: false, cause: 'transport', message: 'Not connected to the server' });
        const result: PingResult = {
          reachable: true,
          status: response.status,
          reason: response.reason,
          allow: response.allow,
          accept: response.getAll('Accept'),
          supported: response.supported,
          rttMs: deps.timers.now() - sentAt,
        };
        const userAgent = response.get('User-Agent') ?? response.get('Server');
        if (userAgent !== undefined) result.userAgent = userAgent;
        resolve(result);
      },
    });
  });
}
