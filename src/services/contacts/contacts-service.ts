import type { Logger } from '../../sip/ports';
import { selectContactList, type Contact, type ContactDraft, type ContactsStore } from '../../stores/contacts';
import { checkContactDraft } from './contact-draft';
import { exportContacts, parseContactFile, type ContactFile, type ExportFormat } from './contact-files';
import { planImport, type SkippedContact } from './contact-import';
import type { ContactRepository } from './contact-repository';

export type SaveResult = { ok: true; contact: Contact } | { ok: false; problem: string };

/** How an import went: nothing at all changes when the file could not be read. */
export type ImportReport = { ok: true; added: number; skipped: SkippedContact[] } | { ok: false; problem: string };

export interface ContactsServiceOptions {
  store: ContactsStore;
  repository: ContactRepository;
  /** A new unique contact id. */
  newId: () => string;
  logger: Logger;
}

export interface ContactsService {
  /** Settles once the saved contacts are in the store. */
  readonly ready: Promise<void>;
  /** Adds a contact, or replaces the one with `id`. */
  save(draft: ContactDraft, id?: string): Promise<SaveResult>;
  remove(id: string): Promise<void>;
  /** Adds the contacts of a vCard or CSV file, skipping invalid ones and ones already known. */
  importFile(fileName: string, text: string): Promise<ImportReport>;
  exportFile(format: ExportFormat): ContactFile;
}

/** The address book: every change is saved first and shown once saved, so the list never shows what a reload would lose. */
export function createContactsService({ store, repository, newId, logger }: ContactsServiceOptions): ContactsService {
  const failure = (what: string, error: unknown): { ok: false; problem: string } => {
    logger.log('warn', `could not save ${what}`, error);
    return { ok: false, problem: `Could not save ${what}: ${error instanceof Error ? error.message : String(error)}` };
  };

  const ready = repository.load().then(
    (saved) => store.getState().hydrate(saved),
    (error: unknown) => logger.log('warn', 'could not load the contacts', error),
  );

  return {
    ready,
    async save(draft, id) {
      const checked = checkContactDraft(draft);
      if (!checked.ok) return checked;
      const contact: Contact = { id: id ?? newId(), ...checked.contact };
      try {
        await repository.put([contact]);
      } catch (error) {
        return failure('the contact', error);
      }
      store.getState().put(contact);
      return { ok: true, contact };
    },
    async remove(id) {
      try {
        await repository.delete(id);
        store.getState().remove(id);
      } catch (error) {
        failure('the deletion', error);
      }
    },
    async importFile(fileName, text) {
      const parsed = parseContactFile(fileName, text);
      if (!parsed.ok) return { ok: false, problem: `${fileName} was not imported: ${parsed.problem}` };
      await ready;
      const plan = planImport(selectContactList(store.getState()), parsed.contacts);
      const added = plan.add.map((contact): Contact => ({ id: newId(), ...contact }));
      try {
        await repository.put(added);
      } catch (error) {
        return failure('the imported contacts', error);
      }
      store.getState().put(...added);
      return { ok: true, added: added.length, skipped: plan.skipped };
    },
    exportFile: (format) => exportContacts(selectContactList(store.getState()), format),
  };
}
