import { numberKey } from './number-key';
import type { Contact, ContactsState } from './state';

/** Every contact, by name. */
export function selectContactList(state: ContactsState): Contact[] {
  return Object.values(state.contacts).sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id));
}

/**
 * The contacts whose name contains the query (any case), or one of whose numbers does — also
 * when the query is typed without the number's spaces and dashes.
 */
export function searchContacts(contacts: readonly Contact[], query: string): Contact[] {
  const text = query.trim().toLowerCase();
  if (text === '') return [...contacts];
  const digits = text.replace(/[^0-9+*#]/g, '');
  return contacts.filter(
    (contact) =>
      contact.name.toLowerCase().includes(text) ||
      contact.numbers.some((number) => number.toLowerCase().includes(text) || (digits !== '' && number.replace(/[^0-9+*#]/g, '').includes(digits))),
  );
}

/** Finds the contact for a caller or callee, by number or by address. */
export type ContactLookup = (party: { number: string; uri: string }) => Contact | undefined;

/** Builds a lookup over `contacts` (in list order: the first contact with a number wins). */
export function contactLookup(contacts: readonly Contact[]): ContactLookup {
  const byKey = new Map<string, Contact>();
  for (const contact of contacts) {
    for (const number of contact.numbers) {
      const key = numberKey(number);
      if (key !== undefined && !byKey.has(key)) byKey.set(key, contact);
    }
  }
  return ({ number, uri }) => {
    for (const text of [uri, number]) {
      const key = numberKey(text);
      const found = key === undefined ? undefined : byKey.get(key);
      if (found) return found;
    }
    return undefined;
  };
}
