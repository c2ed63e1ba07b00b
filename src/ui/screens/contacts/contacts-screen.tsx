import { useMemo, useState } from 'react';
import { searchContacts, selectContactList } from '../../../stores/contacts';
import { ContactEditorForm } from './contact-editor';
import { ContactExport } from './contact-export';
import type { ImportReport } from '../../../services/contacts/contacts-service';
import { ContactImport, ImportOutcome } from './contact-import';
import { ContactItem } from './contact-item';
import { useContacts } from './use-contacts';

/** The address book: search, the list, a form to add or edit, and import / export. */
export function ContactsScreen() {
  const contacts = useContacts((state) => state.contacts);
  const editor = useContacts((state) => state.editor);
  const setEditor = useContacts((state) => state.setEditor);
  const [query, setQuery] = useState('');
  const [imported, setImported] = useState<ImportReport | undefined>(undefined);
  const all = useMemo(() => selectContactList({ contacts, editor: undefined }), [contacts]);
  const found = useMemo(() => searchContacts(all, query), [all, query]);

  if (editor) return <ContactEditorForm key={editor.id ?? `new:${editor.draft.numbers.join(' ')}`} editor={editor} />;

  return (
    <section aria-labelledby="contacts-heading" className="flex flex-col gap-3">
      <h2 id="contacts-heading" className="sr-only">
        Contacts
      </h2>
      <div className="flex gap-2">
        <input
          type="search"
          aria-label="Search contacts"
          placeholder="Search contacts"
          autoComplete="off"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          className="h-10 min-w-0 flex-1 rounded-xl bg-white px-3 text-sm ring-1 ring-slate-200 outline-none placeholder:text-slate-400 focus:ring-2 focus:ring-teal-600 dark:bg-slate-900 dark:ring-slate-700 dark:placeholder:text-slate-500 dark:focus:ring-teal-500"
        />
        <button
          type="button"
          onClick={() => setEditor({ id: undefined, draft: { name: '', numbers: [] } })}
          className="h-10 shrink-0 rounded-xl bg-teal-700 px-3 text-sm font-semibold text-white hover:bg-teal-800"
        >
          New contact
        </button>
      </div>
      <div className="flex items-start gap-1.5">
        <ContactImport onOutcome={setImported} />
        <ContactExport count={all.length} />
      </div>
      {imported && <ImportOutcome outcome={imported} onDismiss={() => setImported(undefined)} />}
      {all.length === 0 ? (
        <p className="px-1 py-4 text-center text-sm text-slate-500 dark:text-slate-400">
          No contacts yet. Add one with New contact, import a vCard or CSV file, or use Add contact on a call in History.
        </p>
      ) : found.length === 0 ? (
        <p role="status" className="px-1 py-4 text-center text-sm text-slate-500 dark:text-slate-400">
          No contact matches “{query.trim()}”.
        </p>
      ) : (
        <ul
          aria-label="Contacts"
          className="flex flex-col divide-y divide-slate-100 rounded-2xl bg-white ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800"
        >
          {found.map((contact) => (
            <ContactItem key={contact.id} contact={contact} />
          ))}
        </ul>
      )}
    </section>
  );
}
