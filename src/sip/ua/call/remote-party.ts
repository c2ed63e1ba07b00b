import { NameAddr, type SipMessage } from '../../message';
import type { CallParty } from './call-types';

/** A CallParty for an address: its URI without parameters, user part and display name. */
export function partyOf(address: NameAddr): CallParty {
  const party: CallParty = { uri: address.uri.aor };
  if (address.uri.user !== undefined) party.user = address.uri.user;
  if (address.displayName !== undefined && address.displayName !== '') party.displayName = address.displayName;
  return party;
}

/**
 * Who the far end is: the identity the network asserts (RFC 3325 P-Asserted-Identity) when the
 * message has one we can read, else `fallback` (From of an incoming INVITE, To of ours).
 */
export function remotePartyOf(message: SipMessage, fallback: NameAddr): CallParty {
  for (const value of message.getAll('P-Asserted-Identity')) {
    try {
      const asserted = partyOf(NameAddr.parse(value));
      if (asserted.displayName === undefined && fallback.displayName) asserted.displayName = fallback.displayName;
      return asserted;
    } catch {
      // An unreadable identity is no identity: keep looking, then fall back.
    }
  }
  return partyOf(fallback);
}
