import { parseMessage, SipRequest, type SipMessage, type TransportTrace } from '../../sip';
import type { TraceEntry, TracePeer } from '../../stores/diagnostics';
import { redactSipText } from './redact-sip-text';

/**
 * Responses a proxy makes itself rather than relaying from the far end: 100 Trying is hop-by-hop
 * (RFC 3261 §16.7), 407 is the proxy's own challenge, and 404/480/483/484 are what a registrar
 * proxy answers for users it cannot reach.
 */
const PROXY_STATUSES = new Set([100, 407, 404, 480, 483, 484]);

/**
 * Who the other end of a message is. REGISTER goes to the registrar. Otherwise the other party is
 * To in a transaction we started and From in one they started; an address without a user part
 * ("sip:pbx.example.com") is the proxy itself.
 */
export function tracePeer(message: SipMessage, direction: TransportTrace['direction']): TracePeer {
  if (message.cseq.method === 'REGISTER') return 'proxy';
  const isRequest = message instanceof SipRequest;
  if (!isRequest && direction === 'in' && PROXY_STATUSES.has(message.status)) return 'proxy';
  const weStarted = isRequest === (direction === 'out');
  const party = weStarted ? message.to : message.from;
  return party.uri.user === undefined ? 'proxy' : 'far-end';
}

function labelOf(message: SipMessage): string {
  return message instanceof SipRequest ? message.method : `${message.status} ${message.reason}`;
}

/**
 * A trace entry for the diagnostics store: redacted text, label and peer. A message that does not
 * parse (or whose From/To/CSeq do not) is still shown, labelled as unreadable, never thrown.
 */
export function traceEntryOf(trace: TransportTrace, seq: number, secrets: readonly string[] = []): TraceEntry {
  const text = redactSipText(trace.text, secrets);
  const base = { seq, direction: trace.direction, at: trace.at, text };
  try {
    const message = parseMessage(trace.text);
    return { ...base, peer: tracePeer(message, trace.direction), label: labelOf(message), callId: message.callId };
  } catch {
    return { ...base, peer: 'proxy', label: 'Unreadable message', callId: undefined };
  }
}
