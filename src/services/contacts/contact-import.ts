import { numberKey, type Contact } from '../../stores/contacts';
import { checkContactDraft } from './contact-draft';
import type { ImportedContact } from './imported-contact';

export interface SkippedContact {
  /** "card 3 (Alice)", "row 7". */
  where: string;
  reason: string;
}

export interface ImportPlan {
  add: Omit<Contact, 'id'>[];
  skipped: SkippedContact[];
}

/**
 * Decides which imported contacts to add: each must be a valid contact, and one that is already
 * in the address book (or earlier in the file) — the same name and a number in common — is
 * skipped, so importing a file twice adds nothing the second time.
 */
export function planImport(existing: readonly Contact[], imported: readonly ImportedContact[]): ImportPlan {
  // The number keys of each known contact, by name: a file of thousands is checked in linear time.
  const known = new Map<string, Set<string>[]>();
  const remember = ({ name, keys }: Signature) => known.set(name, [...(known.get(name) ?? []), keys]);
  existing.map(signature).forEach(remember);
  const plan: ImportPlan = { add: [], skipped: [] };
  for (const contact of imported) {
    const where = contact.name ? `${contact.where} (${contact.name})` : contact.where;
    if (contact.numbers.length === 0) {
      plan.skipped.push({ where, reason: 'no number' });
      continue;
    }
    const checked = checkContactDraft(contact);
    if (!checked.ok) {
      plan.skipped.push({ where, reason: checked.problem });
      continue;
    }
    const mine = signature(checked.contact);
    if (known.get(mine.name)?.some((keys) => [...mine.keys].some((key) => keys.has(key)))) {
      plan.skipped.push({ where, reason: 'already in contacts' });
      continue;
    }
    remember(mine);
    plan.add.push(checked.contact);
  }
  return plan;
}

interface Signature {
  name: string;
  keys: Set<string>;
}

function signature(contact: Pick<Contact, 'name' | 'numbers'>): Signature {
  return {
    name: contact.name.trim().toLowerCase(),
    keys: new Set(contact.numbers.map(numberKey).filter((key): key is string => key !== undefined)),
  };
}
