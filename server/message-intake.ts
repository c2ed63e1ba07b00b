import { parseMessage, SipParseError, SipRequest, type SipMessage } from '../src/sip';
import { replyToMalformedRequest } from './malformed-reply';

export type IntakeResult =
  | { ok: true; message: SipMessage }
  /** reply: the 400 text to send back, when the message was a request. */
  | { ok: false; fault: string; reply?: string };

/**
 * Parses one frame and checks what every message needs before it can be routed (RFC 3261 §8.1.1):
 * Via, From, To, Call-ID, CSeq matching the method, and the headers routing reads (Max-Forwards,
 * Contact, Route). Header accessors parse lazily, so touching them here turns a bad value into a
 * clean 400 instead of a failure halfway through routing.
 */
export function takeIn(text: string, toTag: string): IntakeResult {
  try {
    const message = parseMessage(text);
    if (message.via.length === 0) throw new SipParseError('missing Via');
    void message.from;
    void message.to;
    void message.callId;
    void message.contact;
    void message.route;
    if (message instanceof SipRequest) {
      if (message.cseq.method !== message.method) throw new SipParseError('CSeq method does not match the request');
      void message.maxForwards;
      void message.expires;
    } else {
      void message.cseq;
    }
    return { ok: true, message };
  } catch (error) {
    if (!(error instanceof SipParseError)) throw error;
    const reply = replyToMalformedRequest(text, error.fault, toTag);
    return reply === undefined ? { ok: false, fault: error.fault } : { ok: false, fault: error.fault, reply };
  }
}
