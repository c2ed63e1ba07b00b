import { describe, expect, it } from 'vitest';
import { contactLookup, createContactsStore, numberKey, searchContacts, selectContactList, type Contact } from '../../../src/stores/contacts';

const ann: Contact = { id: '1', name: 'Ann Lee', numbers: ['+44 (20) 7946-0958', 'sip:Ann@Example.com'] };
const bob: Contact = { id: '2', name: 'bob', numbers: ['1001'] };
const zoe: Contact = { id: '3', name: 'Zoë', numbers: ['sip:1001@127.0.0.1'] };

describe('contacts store', () => {
  it('lists contacts by name, ignoring case, and adds, replaces and removes them', () => {
    const store = createContactsStore();
    store.getState().put(zoe, ann);
    store.getState().hydrate([{ ...ann, name: 'stale' }, bob]);
    expect(selectContactList(store.getState()).map((c) => c.name)).toEqual(['Ann Lee', 'bob', 'Zoë']);
    store.getState().remove('2');
    expect(selectContactList(store.getState()).map((c) => c.id)).toEqual(['1', '3']);
  });

  it('finds contacts by part of the name or of a number, also typed without separators', () => {
    const list = [ann, bob, zoe];
    expect(searchContacts(list, 'LEE')).toEqual([ann]);
    expect(searchContacts(list, '2079460958')).toEqual([ann]);
    expect(searchContacts(list, '(20)')).toEqual([ann]);
    expect(searchContacts(list, 'example.com')).toEqual([ann]);
    expect(searchContacts(list, '1001')).toEqual([bob, zoe]);
    expect(searchContacts(list, '  ')).toEqual(list);
    expect(searchContacts(list, 'nobody')).toEqual([]);
  });

  it('spells the same number or address one way', () => {
    expect(numberKey('+1 (555) 010-0100')).toBe('+15550100100');
    expect(numberKey('tel:+1-555-010-0100;ext=1')).toBe('+15550100100');
    expect(numberKey('<sip:Ann@Example.COM;transport=ws>')).toBe('ann@example.com');
    expect(numberKey('sip:+1 555 0100@pbx')).toBe('+15550100@pbx');
    expect(numberKey(' ')).toBeUndefined();
  });

  it('finds the contact for a caller by address first, then by number', () => {
    const lookup = contactLookup([ann, bob, zoe]);
    expect(lookup({ number: '1001', uri: 'sip:1001@127.0.0.1' })).toBe(zoe);
    expect(lookup({ number: '1001', uri: 'sip:1001@other.example' })).toBe(bob);
    expect(lookup({ number: '+442079460958', uri: 'tel:+442079460958' })).toBe(ann);
    expect(lookup({ number: 'ann', uri: 'sip:ann@example.com' })).toBe(ann);
    expect(lookup({ number: '1002', uri: 'sip:1002@127.0.0.1' })).toBeUndefined();
  });
});
