import { parseCallTarget, type SipUri } from '../../sip';

/**
 * The one spelling of a conversation's peer: the user part ("1001") for someone in the account's
 * domain, the address of record ("sip:bob@example.com") for anyone else. The outbox keeps order
 * per target string, so every message to a peer must use this key. Undefined for text that is
 * no address.
 */
export function peerKey(target: string, account: SipUri): string | undefined {
  const uri = parseCallTarget(target, account);
  if (!uri) return undefined;
  return uri.host === account.host && uri.user !== undefined && uri.user !== '' ? uri.user : uri.aor;
}

/** The conversation a message or notice from `uri` belongs to: its key, else the URI as sent. */
export function senderPeer(uri: string, account: SipUri): string {
  return peerKey(uri, account) ?? uri;
}
