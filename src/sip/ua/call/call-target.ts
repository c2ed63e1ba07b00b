import { SipParseError, SipUri } from '../../message';

/** Visual separators people type in phone numbers: "+1 (555) 010-9999", "555.0199". */
const PHONE_NUMBER = /^\+?[0-9*#][0-9*#\s().-]*$/;
const SEPARATORS = /[\s().-]/g;
/** A user part typed without a domain: digits, letters and the unreserved marks of RFC 3261 §25.1. */
const USER_PART = /^[A-Za-z0-9\-_.!~*'()&=+$,;?/#%]+$/;

/**
 * The Request-URI for what the user dialled: a sip:/sips: URI as written; "user@host" as a sip:
 * URI; a tel: URI or a bare number or name in the account's domain. A tel: number becomes
 * `sip:<number>@<domain>;user=phone` (RFC 3261 §19.1.6) because we can only send to sip: URIs.
 * Undefined when the text is none of these.
 */
export function parseCallTarget(target: string, accountUri: SipUri): SipUri | undefined {
  const text = target.trim();
  if (text === '') return undefined;
  if (/^sips?:/i.test(text)) return parsed(text);
  if (/^tel:/i.test(text)) {
    const tel = parsed(text);
    return tel?.user ? inDomain(tel.user, accountUri, true) : undefined;
  }
  if (text.includes('@')) return parsed(`sip:${text}`);
  if (PHONE_NUMBER.test(text)) return inDomain(text.replace(SEPARATORS, ''), accountUri, text.startsWith('+'));
  return USER_PART.test(text) ? inDomain(text, accountUri, false) : undefined;
}

function parsed(text: string): SipUri | undefined {
  try {
    const uri = SipUri.parse(text);
    return uri.host === '' && uri.isSip ? undefined : uri;
  } catch (error) {
    if (error instanceof SipParseError) return undefined;
    throw error;
  }
}

function inDomain(user: string, accountUri: SipUri, phone: boolean): SipUri {
  const uri = new SipUri({ scheme: accountUri.scheme, user, host: accountUri.host });
  if (accountUri.port !== undefined) uri.port = accountUri.port;
  if (phone) uri.params.set('user', 'phone');
  return uri;
}
