/** One person in the address book; plain data, persisted as is. Contacts belong to no account. */
export interface Contact {
  id: string;
  /** Shown as text only (it may come from an imported file or a caller's display name). */
  name: string;
  /** Numbers or SIP addresses as the user wrote them ("+1 555 123 4567", "sip:bob@example.com"); at least one. */
  numbers: string[];
  email?: string;
}

/** What the contact form holds: a contact being written, not yet checked. */
export interface ContactDraft {
  name: string;
  numbers: string[];
  email?: string;
}

/** The contact form on screen: a new contact (no id) or an edit of the contact with `id`. */
export interface ContactEditor {
  id: string | undefined;
  draft: ContactDraft;
}

export interface ContactsState {
  /** By id. */
  contacts: Record<string, Contact>;
  /** Open from the Contacts screen, or from History's "Add to contacts"; undefined when closed. */
  editor: ContactEditor | undefined;
}

export const initialContactsState: ContactsState = { contacts: {}, editor: undefined };
