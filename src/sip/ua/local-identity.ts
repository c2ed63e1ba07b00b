import { NameAddr, SipUri } from '../message';
import { randomToken, type Random } from '../ports';

/** Who this UA is: its address of record and the Contact it is reached at. */
export interface LocalIdentity {
  aor: SipUri;
  displayName: string | undefined;
  /** RFC 5626 §4.1 instance ID as a URN ("urn:uuid:…"). */
  instanceUrn: string;
  /** User part of our Contact: random, so it reveals nothing about the user. */
  contactUser: string;
  userAgent: string;
}

const DEFAULT_USER_AGENT = 'Tabphone/0.1.0';

export function createLocalIdentity(
  options: { aor: string; displayName?: string; instanceId: string; userAgent?: string },
  random: Random,
): LocalIdentity {
  const aor = SipUri.parse(options.aor);
  if (!aor.isSip || aor.host === '') throw new Error(`the address of record must be a sip: or sips: URI with a host: ${options.aor}`);
  const instance = options.instanceId.trim();
  if (instance === '') throw new Error('instanceId must not be empty');
  return {
    aor,
    displayName: options.displayName,
    instanceUrn: /^urn:/i.test(instance) ? instance : `urn:uuid:${instance}`,
    contactUser: randomToken(random, 6),
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
  };
}

/** Our address for From (and To of a REGISTER): the AOR with the display name. */
export function ownAddress(identity: LocalIdentity): NameAddr {
  return new NameAddr(identity.aor.clone(), identity.displayName);
}

/**
 * Our Contact (RFC 7118 §5, RFC 5626 §5.4): `<sip:token@host.invalid;transport=ws;ob>`.
 * A REGISTER also names the instance and the flow (RFC 5626 §4.2.1).
 */
export function ownContact(identity: LocalIdentity, viaHost: string, forRegister: boolean): NameAddr {
  const uri = new SipUri({
    scheme: 'sip',
    user: identity.contactUser,
    host: viaHost,
    params: new Map<string, string | null>([
      ['transport', 'ws'],
      ['ob', null],
    ]),
  });
  const contact = new NameAddr(uri);
  if (forRegister) {
    contact.params.set('+sip.instance', `"<${identity.instanceUrn}>"`);
    contact.params.set('reg-id', '1');
  }
  return contact;
}
