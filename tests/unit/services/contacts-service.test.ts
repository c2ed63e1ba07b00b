import { describe, expect, it } from 'vitest';
import { createMemoryContactRepository, type ContactRepository } from '../../../src/services/contacts/contact-repository';
import { createContactsService } from '../../../src/services/contacts/contacts-service';
import { createContactsStore, selectContactList, type Contact } from '../../../src/stores/contacts';

const quiet = { log: () => undefined };

function setup(repository: ContactRepository = createMemoryContactRepository()) {
  const store = createContactsStore();
  let next = 0;
  const service = createContactsService({ store, repository, newId: () => `id${++next}`, logger: quiet });
  return { store, repository, service, list: () => selectContactList(store.getState()) };
}

const VCARDS = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nTEL:1001\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Nobody\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Bad\r\nTEL:not a number!\r\nEND:VCARD\r\n';

describe('contacts service', () => {
  it('adds, edits and deletes a contact, saving each change', async () => {
    const t = setup();
    const added = await t.service.save({ name: '  Ann  Lee ', numbers: [' 1001 ', '', '1001'], email: 'ann@example.com' });
    expect(added).toEqual({ ok: true, contact: { id: 'id1', name: 'Ann Lee', numbers: ['1001'], email: 'ann@example.com' } });
    await t.service.save({ name: 'Ann', numbers: ['1001', 'sip:ann@example.com'] }, 'id1');
    expect(t.list()).toEqual([{ id: 'id1', name: 'Ann', numbers: ['1001', 'sip:ann@example.com'] }]);
    expect(await t.repository.load()).toEqual(t.list());
    await t.service.remove('id1');
    expect(t.list()).toEqual([]);
    expect(await t.repository.load()).toEqual([]);
  });

  it('refuses a contact without a number, with a number it could not call, or with a bad e-mail', async () => {
    const t = setup();
    expect(await t.service.save({ name: 'A', numbers: [' '] })).toEqual({ ok: false, problem: 'Enter at least one number or SIP address' });
    expect(await t.service.save({ name: 'A', numbers: ['12 ab ,'] })).toEqual({ ok: false, problem: '"12 ab ," is not a number or SIP URI' });
    expect(await t.service.save({ name: 'A', numbers: ['1'], email: 'nope' })).toEqual({ ok: false, problem: '"nope" is not an e-mail address' });
    expect(t.list()).toEqual([]);
  });

  it('names a contact without a name after its number', async () => {
    const t = setup();
    expect(await t.service.save({ name: '', numbers: ['+1 555 0100'] })).toMatchObject({ ok: true, contact: { name: '+1 555 0100' } });
  });

  it('imports a vCard file, reporting what it skipped and why; the same file again adds nothing', async () => {
    const t = setup();
    expect(await t.service.importFile('contacts.vcf', VCARDS)).toEqual({
      ok: true,
      added: 1,
      skipped: [
        { where: 'card 2 (Nobody)', reason: 'no number' },
        { where: 'card 3 (Bad)', reason: '"not a number!" is not a number or SIP URI' },
      ],
    });
    expect(t.list().map((c) => c.name)).toEqual(['Ann']);
    const again = await t.service.importFile('contacts.vcf', VCARDS);
    expect(again.ok && [again.added, again.skipped[0]]).toEqual([0, { where: 'card 1 (Ann)', reason: 'already in contacts' }]);
  });

  it('skips a repeat within one file, and a number written differently is still the same', async () => {
    const t = setup();
    const report = await t.service.importFile('people.csv', 'name,number\nAnn,+1 555-0100\nann,+15550100\nAnn,+15550199\n');
    expect(report).toEqual({ ok: true, added: 2, skipped: [{ where: 'row 3 (ann)', reason: 'already in contacts' }] });
  });

  it('changes nothing when a file cannot be read, and says which and why', async () => {
    const t = setup();
    await t.service.save({ name: 'Keep', numbers: ['1'] });
    const report = await t.service.importFile('broken.vcf', 'BEGIN:VCARD\r\nFN:A\r\nTEL:1\r\n');
    expect(report).toEqual({ ok: false, problem: 'broken.vcf was not imported: The file ends inside a vCard (END:VCARD missing)' });
    expect(t.list().map((c) => c.name)).toEqual(['Keep']);
    expect((await t.repository.load()).length).toBe(1);
  });

  it('adds nothing to the list when saving the import fails', async () => {
    const failing: ContactRepository = { ...createMemoryContactRepository(), put: () => Promise.reject(new Error('quota exceeded')) };
    const t = setup(failing);
    expect(await t.service.importFile('a.csv', 'name,number\nA,1\n')).toEqual({ ok: false, problem: 'Could not save the imported contacts: quota exceeded' });
    expect(t.list()).toEqual([]);
  });

  it('loads the saved contacts, and exports them as CSV with a byte order mark or as vCard', async () => {
    const repository = createMemoryContactRepository();
    const saved: Contact[] = [{ id: 'x', name: 'Zed', numbers: ['1002'] }, { id: 'y', name: 'amy', numbers: ['1003'] }];
    await repository.put(saved);
    const t = setup(repository);
    await t.service.ready;
    expect(t.list().map((c) => c.name)).toEqual(['amy', 'Zed']);
    expect(t.service.exportFile('csv')).toEqual({
      fileName: 'tabphone-contacts.csv',
      mimeType: 'text/csv;charset=utf-8',
      text: '\uFEFFname,number,email\r\namy,1003,\r\nZed,1002,\r\n',
    });
    const vcard = t.service.exportFile('vcard-4');
    expect(vcard.fileName).toBe('tabphone-contacts.vcf');
    expect(vcard.text.match(/VERSION:4\.0/g)).toHaveLength(2);
    expect(t.service.exportFile('vcard-3').text).toContain('VERSION:3.0');
  });
});
