import { SipRequest, type HeaderField, type SipResponse, type SipUri } from '../src/sip';
import { insertBefore, sameName } from './header-edit';

// RFC 3261 §8.1.1.6: the Max-Forwards a request starts with; a proxy that finds none adds it.
export const INITIAL_MAX_FORWARDS = 70;

/**
 * The copy of `request` sent down one branch (RFC 3261 §16.6): Request-URI set to the target, our
 * Via on top, Max-Forwards decremented, and our Record-Route on top of any others when given.
 */
export function branchRequest(request: SipRequest, target: SipUri, via: string, recordRoute?: string): SipRequest {
  const headers: HeaderField[] = request.headers.map((h) => ({ name: h.name, value: h.value }));
  const maxForwards = String((request.maxForwards ?? INITIAL_MAX_FORWARDS) - 1);
  const mf = headers.findIndex((h) => sameName(h.name, 'Max-Forwards'));
  if (mf === -1) headers.push({ name: 'Max-Forwards', value: maxForwards });
  else headers[mf] = { name: 'Max-Forwards', value: maxForwards };
  if (recordRoute) insertBefore(headers, { name: 'Record-Route', value: recordRoute }, 'Record-Route', afterVias(headers));
  insertBefore(headers, { name: 'Via', value: via }, 'Via', 0);
  return new SipRequest(request.method, target.clone(), headers, request.body);
}

/** CANCEL for a branch (RFC 3261 §9.1): same Request-URI, top Via, From, To, Call-ID, CSeq number, Route. */
export function cancelRequest(sent: SipRequest): SipRequest {
  return hopRequest('CANCEL', sent, sent.get('To') ?? '');
}

/** ACK for a non-2xx final response on a branch (RFC 3261 §17.1.1.3): To comes from the response. */
export function ackRequest(sent: SipRequest, response: SipResponse): SipRequest {
  return hopRequest('ACK', sent, response.get('To') ?? '');
}

function hopRequest(method: 'CANCEL' | 'ACK', sent: SipRequest, to: string): SipRequest {
  const headers: [string, string][] = [
    ['Via', sent.getAll('Via')[0] ?? ''],
    ['Max-Forwards', String(INITIAL_MAX_FORWARDS)],
    ['From', sent.get('From') ?? ''],
    ['To', to],
    ['Call-ID', sent.callId],
    ['CSeq', `${sent.cseq.seq} ${method}`],
  ];
  for (const route of sent.getLines('Route')) headers.push(['Route', route]);
  return new SipRequest(method, sent.uri.clone(), headers);
}

function afterVias(headers: HeaderField[]): number {
  let last = -1;
  headers.forEach((h, i) => {
    if (sameName(h.name, 'Via')) last = i;
  });
  return last + 1;
}
