import type { Contact } from '../../stores/contacts';
import { contactRows, parseCsvContacts } from './csv-contacts';
import { serializeCsv } from './csv-serialize';
import type { ParsedFile } from './imported-contact';
import { parseVCards } from './vcard-parse';
import { serializeVCards } from './vcard-serialize';

export type ExportFormat = 'vcard-3' | 'vcard-4' | 'csv';

/** A file to download. */
export interface ContactFile {
  fileName: string;
  mimeType: string;
  text: string;
}

/** Reads an import file as vCard or CSV: by its extension, else by whether it holds a BEGIN:VCARD. */
export function parseContactFile(fileName: string, text: string): ParsedFile {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const isVCard = extension === 'vcf' || extension === 'vcard' || (extension !== 'csv' && /^\s*BEGIN:VCARD/im.test(text));
  return isVCard ? parseVCards(text) : parseCsvContacts(text);
}

export function exportContacts(contacts: readonly Contact[], format: ExportFormat): ContactFile {
  if (format === 'csv') {
    // The byte order mark tells spreadsheets the file is UTF-8.
    return { fileName: 'tabphone-contacts.csv', mimeType: 'text/csv;charset=utf-8', text: `\uFEFF${serializeCsv(contactRows(contacts))}` };
  }
  return {
    fileName: 'tabphone-contacts.vcf',
    mimeType: 'text/vcard;charset=utf-8',
    text: serializeVCards(contacts, format === 'vcard-3' ? '3.0' : '4.0'),
  };
}
