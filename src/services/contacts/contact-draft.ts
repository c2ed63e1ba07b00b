import { numberKey, type Contact, type ContactDraft } from '../../stores/contacts';
import { parseDialTarget } from '../dial-target';

export type CheckedDraft = { ok: true; contact: Omit<Contact, 'id'> } | { ok: false; problem: string };

/**
 * A draft made fit to keep: numbers trimmed, blank and repeated ones dropped, each one something
 * the dial field could call; a contact needs at least one. Without a name, the first number is
 * the name.
 */
export function checkContactDraft(draft: ContactDraft): CheckedDraft {
  const numbers: string[] = [];
  const keys = new Set<string>();
  for (const raw of draft.numbers) {
    const number = raw.trim();
    const key = numberKey(number);
    if (key === undefined || keys.has(key)) continue;
    const dialable = parseDialTarget(number);
    if (!dialable.ok) return { ok: false, problem: dialable.problem };
    keys.add(key);
    numbers.push(number);
  }
  if (numbers.length === 0) return { ok: false, problem: 'Enter at least one number or SIP address' };
  const email = draft.email?.trim() ?? '';
  if (email !== '' && !/^[^\s@]+@[^\s@]+$/.test(email)) return { ok: false, problem: `"${email}" is not an e-mail address` };
  const name = draft.name.trim().replace(/\s+/g, ' ') || numbers[0]!;
  return { ok: true, contact: { name, numbers, ...(email ? { email } : {}) } };
}
