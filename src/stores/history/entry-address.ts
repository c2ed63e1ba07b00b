import { SipUri } from '../../sip';
import type { CallRemote } from '../calls';
import { peerKey } from '../messages';

/**
 * What to call, message or save for the far end of a call: the user part for someone in the
 * account's domain ("1001"), the address for anyone else ("sip:bob@example.com"). Undefined for
 * an anonymous caller (RFC 3323 §4.1.1.3: "anonymous@anonymous.invalid"), who cannot be reached.
 */
export function entryAddress(remote: CallRemote, aor: string | undefined): string | undefined {
  if (/^anonymous$/i.test(remote.number) || /@[^;>]*\.invalid\b/i.test(remote.uri)) return undefined;
  const account = aor === undefined ? undefined : parseAor(aor);
  return (account && peerKey(remote.uri, account)) ?? remote.number;
}

function parseAor(aor: string): SipUri | undefined {
  try {
    return SipUri.parse(aor);
  } catch {
    return undefined;
  }
}
