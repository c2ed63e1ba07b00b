import type { Contact } from '../../stores/contacts';
import { escapeText, foldLine } from './vcard-lines';

/** A phone number with RFC 3966 §3 visual separators: fits a tel: URI once spaces become dashes. */
const NUMBER_LIKE = /^[\s\-.()+0-9*#]+$/;

export type VCardVersion = '3.0' | '4.0';

/**
 * Writes contacts as a vCard file: FN and N (required in 3.0), a TEL per number and an IMPP per
 * SIP address, the EMAIL; lines folded at 75 octets and ended by CRLF as RFC 6350 §3.2 asks.
 */
export function serializeVCards(contacts: readonly Contact[], version: VCardVersion): string {
  return contacts.map((contact) => card(contact, version)).join('');
}

function card(contact: Contact, version: VCardVersion): string {
  const lines = ['BEGIN:VCARD', `VERSION:${version}`, `FN:${escapeText(contact.name)}`, `N:${nComponents(contact.name)}`];
  for (const number of contact.numbers) {
    if (/^sips?:/i.test(number)) lines.push(`IMPP:${number}`);
    else if (version === '4.0' && NUMBER_LIKE.test(number)) lines.push(`TEL;VALUE=uri;TYPE=voice:tel:${number.trim().replace(/\s+/g, '-')}`);
    else if (version === '4.0') lines.push(`TEL;VALUE=text;TYPE=voice:${escapeText(number)}`);
    else lines.push(`TEL;TYPE=VOICE:${escapeText(number)}`);
  }
  if (contact.email) lines.push(`EMAIL:${escapeText(contact.email)}`);
  lines.push('END:VCARD');
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}

/** We keep one name; N gets its last word as the family name, the rest as given names. */
function nComponents(name: string): string {
  const words = name.trim().split(/\s+/);
  const family = words.length > 1 ? words.pop()! : '';
  return `${escapeText(family)};${escapeText(words.join(' '))};;;`;
}
