import { NameAddr, paramText, type SipResponse, type SipUri } from '../../message';
import { parseCallTarget } from './call-target';

/** RFC 3261 §25.1 qvalue: "0" to "1" with at most three decimals. */
const QVALUE = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/;

/** 300-303 send us elsewhere; 305 Use Proxy and 380 Alternative Service are not followed. */
export function isFollowedRedirect(status: number): boolean {
  return status >= 300 && status <= 303;
}

/**
 * The addresses a 3xx sends us to (RFC 3261 §8.1.3.4), highest q first and equal q in the order
 * given. Each Contact value is read on its own, so one malformed value costs only itself. A tel:
 * contact becomes a number in our domain as dialling makes it; other schemes we cannot call are
 * left out. The URI's headers and method parameter are dropped: we send an INVITE, nothing else.
 */
export function redirectContacts(response: SipResponse, accountUri: SipUri): SipUri[] {
  const found: { uri: SipUri; q: number }[] = [];
  for (const value of response.getAll('Contact')) {
    let address: NameAddr;
    try {
      address = NameAddr.parse(value);
    } catch {
      continue;
    }
    const uri = callable(address.uri, accountUri);
    if (uri) found.push({ uri, q: qOf(address) });
  }
  // Array sort is stable, so equal q keep the order of the Contacts.
  return found.sort((a, b) => b.q - a.q).map((entry) => entry.uri);
}

function callable(contact: SipUri, accountUri: SipUri): SipUri | undefined {
  if (contact.scheme === 'tel') return parseCallTarget(contact.toString(), accountUri);
  if (!contact.isSip || contact.host === '') return undefined;
  const uri = contact.clone();
  uri.headers.clear();
  uri.params.delete('method');
  return uri;
}

/** No q means most preferred; an unreadable one least. */
function qOf(address: NameAddr): number {
  const q = paramText(address.params.get('q'));
  if (q === undefined) return 1;
  return QVALUE.test(q) ? Number(q) : 0;
}
