import { paramValue } from './header-params';
import { SipResponse, type SipRequest } from './message';
import { defaultReason } from './reason-phrases';

/**
 * Response skeleton per RFC 3261 §8.2.6: Via (all, in order), From, To (with `toTag`
 * added when To has none), Call-ID and CSeq copied; Content-Length is written by toString.
 */
export function createResponse(req: SipRequest, status: number, reason?: string, toTag?: string): SipResponse {
  const res = new SipResponse(status, reason ?? defaultReason(status));
  const headers = res.headers;
  for (const h of req.headers) {
    switch (h.name) {
      case 'Via':
      case 'From':
      case 'Call-ID':
      case 'CSeq':
        headers.push({ name: h.name, value: h.value });
        break;
      case 'To':
        headers.push({ name: 'To', value: toTag !== undefined && req.to.tag === undefined ? `${h.value};tag=${paramValue(toTag)}` : h.value });
        break;
      case 'Timestamp':
        // §8.2.6.1: a 100 Trying echoes the request's Timestamp.
        if (status === 100) headers.push({ name: h.name, value: h.value });
        break;
    }
  }
  return res;
}
