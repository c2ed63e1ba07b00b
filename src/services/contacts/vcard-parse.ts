import type { ImportedContact, ParsedFile } from './imported-contact';
import { decodeQuotedPrintable, parseContentLine, splitComponents, unescapeText, unfoldLines, type ContentLine } from './vcard-lines';

/**
 * Reads the contacts of a vCard file (3.0, RFC 2426; 4.0, RFC 6350; 2.1 with quoted-printable):
 * the name from FN (else N), numbers from TEL, SIP addresses from IMPP (RFC 4770), the first
 * EMAIL. A file that is not well-formed is refused as a whole, with the line at fault.
 */
export function parseVCards(text: string): ParsedFile {
  const contacts: ImportedContact[] = [];
  let card: ContentLine[] | undefined;
  for (const { line, at } of unfoldLines(text.replace(/^\uFEFF/, ''))) {
    if (line.trim() === '') continue;
    const property = parseContentLine(line);
    if (!property) return { ok: false, problem: `Line ${at} is not a vCard property: "${preview(line)}"` };
    const marker = property.value.trim().toUpperCase();
    if (property.name === 'BEGIN' && marker === 'VCARD') {
      if (card) return { ok: false, problem: `Line ${at}: a vCard begins before the previous one ended (END:VCARD missing)` };
      card = [];
    } else if (property.name === 'END' && marker === 'VCARD') {
      if (!card) return { ok: false, problem: `Line ${at}: END:VCARD without BEGIN:VCARD` };
      contacts.push(contactOf(card, `card ${contacts.length + 1}`));
      card = undefined;
    } else if (card) {
      const encoding = property.params.get('ENCODING')?.[0]?.toUpperCase();
      card.push(encoding === 'QUOTED-PRINTABLE' ? { ...property, value: decodeQuotedPrintable(property.value) } : property);
    } else {
      return { ok: false, problem: `Line ${at} is outside any vCard (BEGIN:VCARD missing)` };
    }
  }
  if (card) return { ok: false, problem: 'The file ends inside a vCard (END:VCARD missing)' };
  if (contacts.length === 0) return { ok: false, problem: 'The file holds no vCard' };
  return { ok: true, contacts };
}

function preview(line: string): string {
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

function contactOf(properties: ContentLine[], where: string): ImportedContact {
  const text = (name: string) => properties.find((p) => p.name === name);
  const fn = text('FN');
  const name = fn ? unescapeText(fn.value).trim() : nameFromN(text('N'));
  const numbers: string[] = [];
  for (const property of properties) {
    const number =
      property.name === 'TEL' ? telNumber(property.value) : property.name === 'IMPP' ? sipAddress(property.value) : undefined;
    if (number && !numbers.includes(number)) numbers.push(number);
  }
  const email = text('EMAIL');
  return { where, name, numbers, ...(email && unescapeText(email.value).trim() ? { email: unescapeText(email.value).trim() } : {}) };
}

/** N is family;given;additional;prefixes;suffixes: read in the order people write names. */
function nameFromN(n: ContentLine | undefined): string {
  if (!n) return '';
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = splitComponents(n.value);
  return [prefix, given, additional, family, suffix]
    .map((part) => part.replace(/,/g, ' ').trim())
    .filter(Boolean)
    .join(' ');
}

/** A 4.0 TEL is often a tel: URI ("tel:+1-555-555-0100;ext=12"); 3.0 has the number as text. */
function telNumber(value: string): string | undefined {
  const number = /^tel:/i.test(value) ? value.slice(4).split(';')[0]! : unescapeText(value);
  return number.trim() || undefined;
}

/** IMPP holds any messaging address; only SIP ones are something to call. */
function sipAddress(value: string): string | undefined {
  const match = /^(sips?):(.+)$/i.exec(value.trim());
  return match ? `${match[1]!.toLowerCase()}:${match[2]!}` : undefined;
}
