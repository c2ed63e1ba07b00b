import { SipRequest, type SipResponse } from '../message';

/** Top Via, From, Call-ID and Route of the request a hop-by-hop request refers to. */
function copiedHeaders(request: SipRequest, method: string, to: string): [string, string][] {
  const headers: [string, string][] = [
    ['Via', request.getAll('Via')[0] ?? ''],
    ['Max-Forwards', '70'],
    ['From', request.get('From') ?? ''],
    ['To', to],
    ['Call-ID', request.callId],
    ['CSeq', `${request.cseq.seq} ${method}`],
  ];
  for (const route of request.getAll('Route')) headers.push(['Route', route]);
  return headers;
}

/**
 * The ACK an INVITE client transaction sends for a 300–699 response (§17.1.1.3):
 * same branch and CSeq number as the INVITE, To taken from the response.
 */
export function createNon2xxAck(invite: SipRequest, response: SipResponse): SipRequest {
  return new SipRequest('ACK', invite.uri.clone(), copiedHeaders(invite, 'ACK', response.get('To') ?? ''));
}

/**
 * CANCEL for a pending request (§9.1): it shares the request's branch, so a
 * stateful proxy or the UAS can match it to the transaction it cancels.
 */
export function createCancel(request: SipRequest): SipRequest {
  return new SipRequest('CANCEL', request.uri.clone(), copiedHeaders(request, 'CANCEL', request.get('To') ?? ''));
}
