import { describe, expect, it } from 'vitest';
import { createNavigationStore } from '../../../src/stores/navigation';

describe('navigation store', () => {
  it('switches screens', () => {
    const store = createNavigationStore();
    expect(store.getState().screen).toBe('phone');
    store.getState().show('history');
    expect(store.getState().screen).toBe('history');
  });

  it('prefills the dial field on the Phone screen, counting repeats of the same number', () => {
    const store = createNavigationStore('contacts');
    store.getState().prefillDial('1001');
    expect(store.getState()).toMatchObject({ screen: 'phone', dialDraft: { text: '1001', seq: 1 } });
    store.getState().prefillDial('1001');
    expect(store.getState().dialDraft).toEqual({ text: '1001', seq: 2 });
  });

  it('forgets a draft once the dial field took it, but not a newer one', () => {
    const store = createNavigationStore();
    store.getState().prefillDial('1001');
    store.getState().prefillDial('1002');
    store.getState().clearDialDraft(1);
    expect(store.getState().dialDraft).toEqual({ text: '1002', seq: 2 });
    store.getState().clearDialDraft(2);
    expect(store.getState().dialDraft).toBeUndefined();
    store.getState().prefillDial('1003');
    expect(store.getState().dialDraft).toEqual({ text: '1003', seq: 3 });
  });
});
