import { describe, expect, it } from 'vitest';
import { parseVCards } from '../../../src/services/contacts/vcard-parse';
import { foldLine, unfoldLines } from '../../../src/services/contacts/vcard-lines';
import { serializeVCards } from '../../../src/services/contacts/vcard-serialize';
import type { Contact } from '../../../src/stores/contacts';

const crlf = (...lines: string[]) => lines.map((line) => `${line}\r\n`).join('');

describe('vCard import', () => {
  it('reads a 3.0 card with name, several numbers, a SIP address and an e-mail', () => {
    const parsed = parseVCards(
      crlf(
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N:Doe;Jane;;Dr.;',
        'FN:Jane Doe',
        'TEL;TYPE=WORK,VOICE:+1 (555) 010-0100',
        'item1.TEL;TYPE=CELL:+1 555 010 0199',
        'IMPP;TYPE=work:sip:jane@example.com',
        'IMPP:xmpp:jane@jabber.example.com',
        'EMAIL;TYPE=INTERNET:jane@example.com',
        'END:VCARD',
      ),
    );
    expect(parsed).toEqual({
      ok: true,
      contacts: [
        { where: 'card 1', name: 'Jane Doe', numbers: ['+1 (555) 010-0100', '+1 555 010 0199', 'sip:jane@example.com'], email: 'jane@example.com' },
      ],
    });
  });

  it('reads a 4.0 card whose TEL is a tel: URI, and takes the name from N when FN is absent', () => {
    const parsed = parseVCards(
      crlf('BEGIN:VCARD', 'VERSION:4.0', 'N:Müller;Jürgen;;;', 'TEL;VALUE=uri;TYPE="voice,cell";PREF=1:tel:+49-30-1234567;ext=12', 'END:VCARD'),
    );
    expect(parsed).toEqual({ ok: true, contacts: [{ where: 'card 1', name: 'Jürgen Müller', numbers: ['+49-30-1234567'] }] });
  });

  it('unfolds folded lines (CRLF or LF, then a space or a tab) and unescapes text values', () => {
    const text = 'BEGIN:VCARD\nVERSION:3.0\nFN:Smith\\, John\\; the \n Third\\nof his\r\n\tname\nTEL:1001\nEND:VCARD\n';
    const parsed = parseVCards(text);
    expect(parsed.ok && parsed.contacts[0]!.name).toBe('Smith, John; the Third\nof hisname');
  });

  it('reads several cards, a byte order mark and blank lines between them, and lowercase keywords', () => {
    const text = `\uFEFF${crlf('begin:vcard', 'version:3.0', 'fn:A', 'tel:1', 'end:vcard', '', 'BEGIN:VCARD', 'FN:B', 'TEL:2', 'END:VCARD')}`;
    const parsed = parseVCards(text);
    expect(parsed.ok && parsed.contacts.map((c) => [c.where, c.name, c.numbers])).toEqual([
      ['card 1', 'A', ['1']],
      ['card 2', 'B', ['2']],
    ]);
  });

  it('reads a 2.1 card as phones export it: bare types and a quoted-printable name with soft line breaks', () => {
    const parsed = parseVCards(
      crlf('BEGIN:VCARD', 'VERSION:2.1', 'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;J=C3=BCrgen=20M=', '=C3=BCller;;;', 'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen=20M=', '=C3=BCller', 'TEL;CELL;PREF:+49301234567', 'END:VCARD'),
    );
    expect(parsed).toEqual({ ok: true, contacts: [{ where: 'card 1', name: 'Jürgen Müller', numbers: ['+49301234567'] }] });
  });

  it('keeps a card without a number, for the import to report', () => {
    const parsed = parseVCards(crlf('BEGIN:VCARD', 'FN:Nobody', 'END:VCARD'));
    expect(parsed).toEqual({ ok: true, contacts: [{ where: 'card 1', name: 'Nobody', numbers: [] }] });
  });

  it.each([
    ['a card that never ends', crlf('BEGIN:VCARD', 'FN:A'), 'The file ends inside a vCard (END:VCARD missing)'],
    ['a card inside a card', crlf('BEGIN:VCARD', 'FN:A', 'BEGIN:VCARD', 'END:VCARD'), 'Line 3: a vCard begins before the previous one ended (END:VCARD missing)'],
    ['an END without BEGIN', crlf('END:VCARD'), 'Line 1: END:VCARD without BEGIN:VCARD'],
    ['a line without a colon', crlf('BEGIN:VCARD', 'FN A', 'END:VCARD'), 'Line 2 is not a vCard property: "FN A"'],
    ['text outside any card', crlf('FN:A'), 'Line 1 is outside any vCard (BEGIN:VCARD missing)'],
    ['an empty file', '', 'The file holds no vCard'],
  ])('refuses %s with the line at fault', (_what, text, problem) => {
    expect(parseVCards(text)).toEqual({ ok: false, problem });
  });
});

describe('vCard lines', () => {
  it('folds a long line at 75 octets without splitting a UTF-8 character, and unfolds it back', () => {
    const line = `FN:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    const encoder = new TextEncoder();
    for (const physical of folded.split('\r\n')) expect(encoder.encode(physical).length).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').length).toBeGreaterThan(2);
    expect(unfoldLines(folded)).toEqual([{ line, at: 1 }]);
  });

  it('leaves a short line alone', () => {
    expect(foldLine('FN:A')).toBe('FN:A');
  });
});

describe('vCard export', () => {
  const contacts: Contact[] = [
    { id: '1', name: 'Jane Q. Public', numbers: ['+1 555 010 0100', 'sip:jane@example.com'], email: 'jane@example.com' },
    { id: '2', name: 'Smith, John; "Jr"\nSecond line', numbers: ['1001'] },
    { id: '3', name: `Long ${'ü'.repeat(80)}`, numbers: ['alice'] },
  ];

  it.each(['3.0', '4.0'] as const)('writes version %s that reads back to the same contacts', (version) => {
    const text = serializeVCards(contacts, version);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const parsed = parseVCards(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.contacts.map(({ name, email }) => ({ name, email }))).toEqual(contacts.map(({ name, email }) => ({ name, email })));
    expect(parsed.contacts[1]!.numbers).toEqual(['1001']);
    expect(parsed.contacts[2]!.numbers).toEqual(['alice']);
    expect(parsed.contacts[0]!.numbers).toEqual(version === '3.0' ? contacts[0]!.numbers : ['+1-555-010-0100', 'sip:jane@example.com']);
  });

  it('writes the properties each version requires, with a SIP address as IMPP', () => {
    const [first] = contacts;
    expect(serializeVCards([first!], '3.0')).toBe(
      crlf(
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Jane Q. Public',
        'N:Public;Jane Q.;;;',
        'TEL;TYPE=VOICE:+1 555 010 0100',
        'IMPP:sip:jane@example.com',
        'EMAIL:jane@example.com',
        'END:VCARD',
      ),
    );
    expect(serializeVCards([first!], '4.0')).toContain('\r\nTEL;VALUE=uri;TYPE=voice:tel:+1-555-010-0100\r\n');
  });
});
