import type { Contact } from '../../stores/contacts';
import type { ImportedContact, ParsedFile } from './imported-contact';
import { parseCsv } from './csv-parse';

/** The columns we write; reading also understands what address books and spreadsheets call them. */
export const CSV_HEADER = ['name', 'number', 'email'] as const;

/** Between several numbers in one cell (Google Contacts' CSV), or line breaks. */
const NUMBER_SEPARATOR = /\s*:::\s*|\s*\n\s*/;

/** A column's role, from its header: "Phone 1 - Value" holds a number, "Phone 1 - Type" says what kind (ignored). */
function columnRole(header: string): 'name' | 'first' | 'last' | 'number' | 'email' | undefined {
  const h = header.trim().toLowerCase();
  if (/\b(type|label)\b/.test(h)) return undefined;
  if (/^(name|full name|display name|fn|contact)$/.test(h)) return 'name';
  if (/^(first|given) ?name$/.test(h)) return 'first';
  if (/^(last|family) ?name$|^surname$/.test(h)) return 'last';
  if (/e-?mail/.test(h)) return 'email';
  if (/number|phone|^tel|mobile|^cell|^sip/.test(h)) return 'number';
  return undefined;
}

/**
 * Reads contacts from CSV whose first row names the columns ("name,number,…", any order, more
 * number columns allowed). A file without a name or number column is refused.
 */
export function parseCsvContacts(text: string): ParsedFile {
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const [header, ...rows] = parsed.rows;
  const roles = (header ?? []).map(columnRole);
  if (!roles.includes('number') || !roles.some((role) => role === 'name' || role === 'first' || role === 'last')) {
    return { ok: false, problem: 'The first row must name the columns, with at least "name" and "number"' };
  }
  const contacts = rows.map((row, index): ImportedContact => {
    const cells = (role: ReturnType<typeof columnRole>) =>
      roles.flatMap((r, i) => (r === role ? [unguard(row[i] ?? '').trim()] : [])).filter(Boolean);
    const name = cells('name')[0] ?? [...cells('first'), ...cells('last')].join(' ');
    const numbers = [...new Set(cells('number').flatMap((cell) => cell.split(NUMBER_SEPARATOR)).filter(Boolean))];
    const email = cells('email')[0];
    // The header is row 1 of the file.
    return { where: `row ${index + 2}`, name, numbers, ...(email ? { email } : {}) };
  });
  if (contacts.length === 0) return { ok: false, problem: 'The file has a header row but no contacts' };
  return { ok: true, contacts };
}

/** One row per contact; several numbers share the number cell as Google Contacts writes them ("a ::: b"). */
export function contactRows(contacts: readonly Contact[]): string[][] {
  return [
    [...CSV_HEADER],
    ...contacts.map((contact) => [guard(contact.name), contact.numbers.map((n) => guard(n, true)).join(' ::: '), guard(contact.email ?? '')]),
  ];
}

/**
 * A cell starting with "=", "@" (or "+", "-" in text) is a formula to a spreadsheet: a caller's
 * display name saved as a contact must not run as one (CSV injection), so it gets a leading
 * apostrophe, which reading takes off again. Numbers keep their "+".
 */
function guard(cell: string, isNumber = false): string {
  return /^[=@\t\r]/.test(cell) || (!isNumber && /^[+-]/.test(cell)) ? `'${cell}` : cell;
}

function unguard(cell: string): string {
  return /^'[=@+\-\t\r]/.test(cell) ? cell.slice(1) : cell;
}
