import type { Pbx } from '../../../server/pbx';
import type { PbxMessageEvent } from '../../../server/pbx-events';
import { parseMessage, SipRequest, SipResponse, type SipMessage } from '../../../src/sip';

/** One SIP message the PBX saw, with when (ms since the epoch). */
export interface SeenMessage {
  at: number;
  /** 'in': the PBX received it; 'out': the PBX sent it. */
  direction: PbxMessageEvent['direction'];
  message: SipMessage;
}

/** Everything the PBX receives and sends from now on, parsed, in order. */
export function recordPbxMessages(pbx: Pbx): SeenMessage[] {
  const seen: SeenMessage[] = [];
  pbx.events.on('message', ({ direction, text }) => {
    try {
      seen.push({ at: Date.now(), direction, message: parseMessage(text) });
    } catch {
      // Keep-alive CRLFs and the like are not messages.
    }
  });
  return seen;
}

/** Requests of `method` that reached the PBX from `fromUser`. */
export function requestsFrom(seen: readonly SeenMessage[], method: string, fromUser: string): (SeenMessage & { message: SipRequest })[] {
  return seen.filter(
    (s): s is SeenMessage & { message: SipRequest } =>
      s.direction === 'in' && s.message instanceof SipRequest && s.message.method === method && s.message.from.uri.user === fromUser,
  );
}

/** Responses to `method` with `status` that the PBX received (from the callee's side). */
export function responsesIn(seen: readonly SeenMessage[], method: string, status: number): (SeenMessage & { message: SipResponse })[] {
  return seen.filter(
    (s): s is SeenMessage & { message: SipResponse } =>
      s.direction === 'in' && s.message instanceof SipResponse && s.message.status === status && s.message.cseq.method === method,
  );
}
