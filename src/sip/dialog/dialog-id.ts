import type { SipMessage } from '../message';

/** RFC 3261 §12: a dialog is identified by Call-ID, local tag and remote tag. */
export interface DialogId {
  callId: string;
  localTag: string;
  remoteTag: string;
}

export function dialogKey(id: DialogId): string {
  return `${id.callId}\n${id.localTag}\n${id.remoteTag}`;
}

/**
 * The dialog an incoming message belongs to, seen from our side: in a request
 * we received, our tag is in To; in a response to our request, it is in From.
 * Undefined when either tag is missing.
 */
export function dialogIdOf(message: SipMessage, received: 'request' | 'response'): DialogId | undefined {
  const localTag = received === 'request' ? message.to.tag : message.from.tag;
  const remoteTag = received === 'request' ? message.from.tag : message.to.tag;
  if (localTag === undefined || remoteTag === undefined) return undefined;
  return { callId: message.callId, localTag, remoteTag };
}
