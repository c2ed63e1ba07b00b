/**
 * Turns what a person typed or pasted into the dial field into a target for UserAgent.call():
 * a bare number or user name ("1001", "+15551234567", "alice"), which gets the account's domain,
 * or a SIP URI ("sip:1001@pbx.example.com").
 *
 * Phone numbers arrive decorated: "+1 (555) 123-4567", "555.123.4567", "tel:+1-555-123-4567".
 * RFC 3966 §3 calls "-", "." and the parentheses visual separators; they carry no meaning and
 * are dropped, as are spaces. Names with dots ("john.doe") are not numbers and keep them.
 */

export type DialTarget = { ok: true; target: string } | { ok: false; problem: string };

/** Digits, a leading "+", and the DTMF keys a PBX may use in a dial string (*, #). */
const DIALABLE = /^\+?[0-9*#]+$/;
/** Visual separators (RFC 3966 §3) and whitespace, NBSP included. */
const SEPARATORS = /[\s\-.()/\u00a0]/g;
/** What may appear between the separators of a decorated number. */
const NUMBER_LIKE = /^[\s\-.()/\u00a0+0-9*#]+$/;
/** A SIP user part without escapes: unreserved and user-unreserved characters (RFC 3261 §25.1). */
const USER = /^[A-Za-z0-9\-_.!~*'()&=+$,;?/]+$/;
/** A host name, IPv4 address or bracketed IPv6 address, with an optional port. */
const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(:\d{1,5})?$/;
const SCHEME = /^(sips?|tel):/i;

const EMPTY = 'Enter a number or SIP URI';

export function parseDialTarget(input: string): DialTarget {
  let text = input.trim();
  // "<sip:1001@host>" as copied from a SIP header.
  if (text.startsWith('<') && text.endsWith('>')) text = text.slice(1, -1).trim();
  if (text === '') return { ok: false, problem: EMPTY };

  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  const rest = scheme ? text.slice(scheme.length + 1).trim() : text;

  if (scheme === 'tel') {
    // Parameters (";phone-context=…", ";ext=…") describe the number; the dial string is the number.
    return dialNumber(rest.split(';')[0]!, input);
  }
  const at = rest.lastIndexOf('@');
  if (at < 0) return scheme === 'sips' ? { ok: false, problem: `"${input.trim()}" has no host after "@"` } : dialUser(rest, input);

  const user = rest.slice(0, at);
  const host = rest.slice(at + 1);
  // URI parameters and headers stay with the host part: "host;transport=ws" is still a host.
  const hostOnly = host.split(/[;?]/)[0]!;
  if (!HOST_PORT.test(hostOnly)) return { ok: false, problem: `"${host}" is not a valid host` };
  const cleanedUser = cleanUser(user);
  if (cleanedUser === undefined) return { ok: false, problem: `"${user}" is not a valid SIP user` };
  return { ok: true, target: `${scheme ?? 'sip'}:${cleanedUser}@${host}` };
}

function dialNumber(text: string, input: string): DialTarget {
  const number = text.replace(SEPARATORS, '');
  if (number === '') return { ok: false, problem: EMPTY };
  if (!DIALABLE.test(number)) return { ok: false, problem: `"${input.trim()}" is not a phone number` };
  return { ok: true, target: number };
}

function dialUser(text: string, input: string): DialTarget {
  if (NUMBER_LIKE.test(text)) return dialNumber(text, input);
  const user = cleanUser(text);
  if (user === undefined) return { ok: false, problem: `"${input.trim()}" is not a number or SIP URI` };
  return { ok: true, target: user };
}

/** The user part: a decorated number loses its separators; a name is taken as it is. */
function cleanUser(user: string): string | undefined {
  if (user !== '' && NUMBER_LIKE.test(user)) {
    const number = user.replace(SEPARATORS, '');
    return DIALABLE.test(number) ? number : undefined;
  }
  return USER.test(user) ? user : undefined;
}
