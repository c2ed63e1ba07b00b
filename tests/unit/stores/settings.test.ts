import { describe, expect, it } from 'vitest';
import { createSettingsStore, EMPTY_SETTINGS, selectDemoUsers, type AccountSource } from '../../../src/stores/settings';

const PBX = { server: 'ws://127.0.0.1:5070', domain: '127.0.0.1', demoUsers: ['1000', '1001'] };

function demoUsers(source: AccountSource, onLoopback: boolean, withPbx = true, loaded = true): string[] {
  const store = createSettingsStore();
  store.getState().setEnvironment(withPbx ? PBX : undefined, onLoopback);
  if (loaded) store.getState().setLoaded(EMPTY_SETTINGS, source);
  return selectDemoUsers(store.getState());
}

describe('settings store: the first-run demo offer', () => {
  it('offers the demo users on localhost while the tab has no account', () => {
    expect(demoUsers('none', true)).toEqual(['1000', '1001']);
  });

  it('offers nothing elsewhere, with an account, without an embedded PBX, or before the settings are read', () => {
    expect(demoUsers('none', false)).toEqual([]);
    expect(demoUsers('saved', true)).toEqual([]);
    expect(demoUsers('url', true)).toEqual([]);
    expect(demoUsers('none', true, false)).toEqual([]);
    expect(demoUsers('none', true, true, false)).toEqual([]);
  });

  it('returns the same empty list each time, so a component reading it does not re-render forever', () => {
    const store = createSettingsStore();
    expect(selectDemoUsers(store.getState())).toBe(selectDemoUsers(store.getState()));
  });
});
