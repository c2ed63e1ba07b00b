import { formatVia, type SipMessage, type SipRequest } from '../message';
import type { ServerTransaction } from './server-transaction';

/** Marks a branch as globally unique per RFC 3261 (§8.1.1.7). */
export const MAGIC_COOKIE = 'z9hG4bK';

/** §17.1.3: a response belongs to the client transaction with its top Via branch and CSeq method. */
export function clientTransactionKey(message: SipMessage): string | undefined {
  const branch = message.via[0]?.branch;
  return branch ? `${branch} ${message.cseq.method}` : undefined;
}

/**
 * §17.2.3: branch, sent-by and method of the top Via identify a server
 * transaction; an ACK belongs to the INVITE's. `method` overrides the request's
 * own (a CANCEL looks for the INVITE it cancels, §9.2). Undefined when the
 * branch lacks the magic cookie: the sender follows RFC 2543.
 */
export function serverTransactionKey(request: SipRequest, method = request.method): string | undefined {
  const via = request.via[0];
  const branch = via?.branch;
  if (!via || !branch?.startsWith(MAGIC_COOKIE)) return undefined;
  const sentBy = via.port === undefined ? via.host : `${via.host}:${via.port}`;
  return `${branch} ${sentBy.toLowerCase()} ${method === 'ACK' ? 'INVITE' : method}`;
}

/**
 * §17.2.3 fallback for RFC 2543 peers: Request-URI, tags, Call-ID, CSeq and the
 * top Via must match the request that created the transaction. An ACK carries
 * the To tag of the response the transaction sent rather than the INVITE's.
 */
export function matchesLegacyTransaction(transaction: ServerTransaction, request: SipRequest, method = request.method): boolean {
  const original = transaction.request;
  const isAck = method === 'ACK';
  if (original.method !== (isAck ? 'INVITE' : method)) return false;
  const expectedToTag = isAck ? transaction.lastResponse?.to.tag : original.to.tag;
  const originalVia = original.via[0];
  const via = request.via[0];
  return (
    request.uri.toString() === original.uri.toString() &&
    request.to.tag === expectedToTag &&
    request.from.tag === original.from.tag &&
    request.callId === original.callId &&
    request.cseq.seq === original.cseq.seq &&
    originalVia !== undefined &&
    via !== undefined &&
    formatVia(via) === formatVia(originalVia)
  );
}
