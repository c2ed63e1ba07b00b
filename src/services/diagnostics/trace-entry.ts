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
 * Who the other end of a message is. REGISTER goes to the registrar, and so does an ACK in the
 * branch of one of our INVITEs (`inviteBranches`): that acknowledges a non-2xx response, which a
 * stateful proxy absorbs hop by hop (RFC 3261 §17.1.1.3, §16.7), while the ACK for a 2xx has a
 * branch of its own and goes through to the far end. Otherwise the other party is To in a
 * transaction we started and From in one they started; an address without a user part
 * ("sip:pbx.example.com") is the proxy itself.
 */
export function tracePeer(message: SipMessage, direction: TransportTrace['direction'], inviteBranches: ReadonlySet<string> = new Set()): TracePeer {
  if (message.cseq.method === 'REGISTER') return 'proxy';
  if (message instanceof SipRequest && message.method === 'ACK' && inviteBranches.has(message.via[0]?.branch ?? '')) return 'proxy';
  const isRequest = message instanceof SipRequest;
  if (!isRequest && direction === 'in' && PROXY_STATUSES.has(message.status)) return 'proxy';
  const weStarted = isRequest === (direction === 'out');
  const party = weStarted ? message.to : message.from;
  return party.uri.user === undefined ? 'proxy' : 'far-end';
}

function labelOf(message: SipMessage): string {
  return message instanceof SipRequest ? message.method : `${message.status} ${message.reason}`;
}

/** INVITE branches remembered to place the ACKs of non-2xx answers; older ones fall off. */
const REMEMBERED_INVITES = 64;

/**
 * Turns the transport's traces into entries for the diagnostics store, in order: redacted text,
 * label and peer, numbered from 1. A message that does not parse (or whose From, To or CSeq do
 * not) is still shown, labelled as unreadable, never thrown.
 */
export class TraceReader {
  private seq = 0;
  private readonly inviteBranches = new Set<string>();

  constructor(private readonly secrets: readonly string[] = []) {}

  read(trace: TransportTrace): TraceEntry {
    const base = { seq: ++this.seq, direction: trace.direction, at: trace.at, text: redactSipText(trace.text, this.secrets) };
    try {
      const message = parseMessage(trace.text);
      const entry = { ...base, peer: tracePeer(message, trace.direction, this.inviteBranches), label: labelOf(message), callId: message.callId };
      if (trace.direction === 'out' && message instanceof SipRequest && message.method === 'INVITE') this.remember(message.via[0]?.branch);
      return entry;
    } catch {
      return { ...base, peer: 'proxy', label: 'Unreadable message', callId: undefined };
    }
  }

  private remember(branch: string | undefined): void {
    if (branch === undefined) return;
    this.inviteBranches.add(branch);
    if (this.inviteBranches.size > REMEMBERED_INVITES) this.inviteBranches.delete(this.inviteBranches.values().next().value!);
  }
}
