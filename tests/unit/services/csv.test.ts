import { describe, expect, it } from 'vitest';
import { contactRows, parseCsvContacts } from '../../../src/services/contacts/csv-contacts';
import { parseCsv } from '../../../src/services/contacts/csv-parse';
import { serializeCsv } from '../../../src/services/contacts/csv-serialize';
import type { Contact } from '../../../src/stores/contacts';

describe('CSV parsing (RFC 4180 and what spreadsheets write)', () => {
  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const text = 'name,number\r\n"Doe, Jane","+1 555"\r\n"Say ""hi""",1001\r\n"two\r\nlines",1002\r\n';
    expect(parseCsv(text)).toEqual({
      ok: true,
      rows: [
        ['name', 'number'],
        ['Doe, Jane', '+1 555'],
        ['Say "hi"', '1001'],
        ['two\r\nlines', '1002'],
      ],
    });
  });

  it('drops a byte order mark, accepts LF and CR line ends, a missing final line end and empty rows', () => {
    expect(parseCsv('\uFEFFname,number\nA,1\rB,2\n\n,\nC,')).toEqual({
      ok: true,
      rows: [
        ['name', 'number'],
        ['A', '1'],
        ['B', '2'],
        ['C', ''],
      ],
    });
  });

  it('takes ";" or tab as the separator when the header row uses it', () => {
    expect(parseCsv('name;number\n"A;B";1\n')).toEqual({ ok: true, rows: [['name', 'number'], ['A;B', '1']] });
    expect(parseCsv('name\tnumber\nA, B\t1\n')).toEqual({ ok: true, rows: [['name', 'number'], ['A, B', '1']] });
  });

  it('keeps empty quoted fields as fields', () => {
    expect(parseCsv('a,b,c\n"",x,""\n')).toEqual({ ok: true, rows: [['a', 'b', 'c'], ['', 'x', '']] });
  });

  it('refuses an unclosed quote and text after a closing quote, naming the line', () => {
    expect(parseCsv('name,number\nA,1\n"B,2\nC,3\n')).toEqual({ ok: false, problem: 'Line 3: a quoted field is never closed' });
    expect(parseCsv('name,number\n"A"x,1\n')).toEqual({ ok: false, problem: 'Line 2: text after a closing quote (a quote inside a field must be doubled)' });
  });

  it('writes back what it reads', () => {
    const rows = [
      ['name', 'number'],
      ['Doe, Jane', '+1 555'],
      ['Say "hi"', ' padded '],
      ['two\nlines', ''],
    ];
    const text = serializeCsv(rows);
    expect(text).toBe('name,number\r\n"Doe, Jane",+1 555\r\n"Say ""hi"""," padded "\r\n"two\nlines",\r\n');
    expect(parseCsv(text)).toEqual({ ok: true, rows });
  });
});

describe('contacts from CSV', () => {
  it('maps columns by their header in any order, with several number columns and an e-mail', () => {
    const text = 'E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Name,SIP address\njane@example.com,Mobile,+1 555 ::: +1 666,Jane,sip:jane@example.com\n';
    expect(parseCsvContacts(text)).toEqual({
      ok: true,
      contacts: [{ where: 'row 2', name: 'Jane', numbers: ['+1 555', '+1 666', 'sip:jane@example.com'], email: 'jane@example.com' }],
    });
  });

  it('joins first and last name when there is no name column', () => {
    const parsed = parseCsvContacts('First Name,Last Name,Mobile\nJane,Doe,1001\n');
    expect(parsed.ok && parsed.contacts[0]).toEqual({ where: 'row 2', name: 'Jane Doe', numbers: ['1001'] });
  });

  it('refuses a file without a header naming a name and a number column, or without rows', () => {
    const problem = 'The first row must name the columns, with at least "name" and "number"';
    expect(parseCsvContacts('Jane,1001\n')).toEqual({ ok: false, problem });
    expect(parseCsvContacts('')).toEqual({ ok: false, problem });
    expect(parseCsvContacts('name,number\n')).toEqual({ ok: false, problem: 'The file has a header row but no contacts' });
  });

  it('round-trips contacts, and keeps a spreadsheet from running a name as a formula', () => {
    const contacts: Contact[] = [
      { id: '1', name: '=HYPERLINK("http://evil.example","x")', numbers: ['+1 555 0100', 'sip:a@example.com'], email: 'a@example.com' },
      { id: '2', name: 'Doe, "Jane"\nJr', numbers: ['1001'] },
      { id: '3', name: '-Minus', numbers: ['+15550101'] },
    ];
    const rows = contactRows(contacts);
    expect(rows[0]).toEqual(['name', 'number', 'email']);
    expect(rows[1]![0]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(rows[3]).toEqual(["'-Minus", '+15550101', '']);
    const parsed = parseCsvContacts(serializeCsv(rows));
    expect(parsed.ok && parsed.contacts.map(({ name, numbers, email }) => ({ name, numbers, email }))).toEqual(
      contacts.map(({ name, numbers, email }) => ({ name, numbers, email })),
    );
  });
});
