import type { NameAddr, SipResponse } from '../message';
import { parsedOrUndefined } from '../dialog/parsed-or-undefined';

export interface OwnBinding {
  instanceUrn: string;
  contactUser: string;
  contactHost: string;
}

/**
 * The lifetime in seconds the registrar granted us (§10.2.4): the expires
 * parameter of our Contact in the 2xx — found by +sip.instance, else by URI —
 * else the Expires header, else what we asked for.
 */
export function grantedExpires(response: SipResponse, own: OwnBinding, requested: number): number {
  const contacts = parsedOrUndefined(() => response.contact) ?? [];
  const mine = contacts.find((c) => instanceOf(c) === own.instanceUrn.toLowerCase()) ?? contacts.find((c) => isOurUri(c, own));
  const param = mine?.params.get('expires');
  const fromParam = param == null ? undefined : /^\d{1,10}$/.test(param) ? Number(param) : undefined;
  return fromParam ?? parsedOrUndefined(() => response.expires) ?? requested;
}

/** `+sip.instance="<urn:uuid:…>"` → "urn:uuid:…", lower-cased for comparison. */
function instanceOf(contact: NameAddr): string | undefined {
  const raw = contact.params.get('+sip.instance');
  if (raw == null) return undefined;
  return raw.replace(/^"|"$/g, '').replace(/^<|>$/g, '').toLowerCase();
}

function isOurUri(contact: NameAddr, own: OwnBinding): boolean {
  return contact.uri.user === own.contactUser && contact.uri.host === own.contactHost.toLowerCase();
}
