import type { SipMessage } from '../../message';

export const SDP_CONTENT_TYPE = 'application/sdp';

/** The SDP a message carries, or undefined when its body is empty or of another type. */
export function sdpOf(message: SipMessage): string | undefined {
  if (message.body.trim() === '') return undefined;
  let type: string | undefined;
  try {
    type = message.contentType;
  } catch {
    return undefined;
  }
  // RFC 3261 §7.4.1: a body without Content-Type is unusual; only SDP can be meant in an INVITE exchange.
  return type === undefined || type === SDP_CONTENT_TYPE ? message.body : undefined;
}

/** Whether a message has a body that is not SDP (415 for an INVITE, RFC 3261 §21.4.16). */
export function hasForeignBody(message: SipMessage): boolean {
  return message.body.trim() !== '' && sdpOf(message) === undefined;
}

/** Headers for an SDP body. */
export function sdpHeaders(sdp: string | undefined): [string, string][] {
  return sdp === undefined ? [] : [['Content-Type', SDP_CONTENT_TYPE]];
}
