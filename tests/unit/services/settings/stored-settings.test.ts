import { describe, expect, it } from 'vitest';
import { SETTINGS_DB_VERSION, upgradeSettingsDb, type MigratableDb } from '../../../../src/services/settings/settings-database';
import { readStoredSettings, SETTINGS_FORMAT, toStoredSettings } from '../../../../src/services/settings/stored-settings';
import { blankAccount, DEFAULT_AUDIO_SETTINGS, type Settings } from '../../../../src/stores/settings';

const SETTINGS: Settings = {
  accounts: [{ ...blankAccount('a1'), user: '1000', domain: 'example.com', servers: ['wss://example.com'] }],
  activeAccountId: 'a1',
  audio: { ...DEFAULT_AUDIO_SETTINGS, speakerId: 'spk' },
};

/** Records what a migration asks of the database. */
function recorder(): { db: MigratableDb; created: string[] } {
  const created: string[] = [];
  const db = { createObjectStore: (name: string) => void created.push(name) } as unknown as MigratableDb;
  return { db, created };
}

describe('the settings database schema', () => {
  it('creates the settings store on a new database', () => {
    const { db, created } = recorder();
    upgradeSettingsDb(db, 0);
    expect(created).toEqual(['settings']);
    expect(SETTINGS_DB_VERSION).toBe(1);
  });

  it('runs nothing for a database already at the current version', () => {
    const { db, created } = recorder();
    upgradeSettingsDb(db, SETTINGS_DB_VERSION);
    expect(created).toEqual([]);
  });
});

describe('the saved settings record', () => {
  it('reads back what it saved', () => {
    expect(readStoredSettings(structuredClone(toStoredSettings(SETTINGS)))).toEqual(SETTINGS);
    expect(toStoredSettings(SETTINGS).format).toBe(SETTINGS_FORMAT);
  });

  it('fills in fields an older record of the same format lacks, from the defaults', () => {
    const old = { format: 1, settings: { accounts: [{ id: 'a1', user: '1000', domain: 'example.com', servers: ['wss://example.com'] }], activeAccountId: 'a1' } };
    expect(readStoredSettings(old)).toEqual({
      accounts: [{ ...blankAccount('a1'), user: '1000', domain: 'example.com', servers: ['wss://example.com'] }],
      activeAccountId: 'a1',
      audio: DEFAULT_AUDIO_SETTINGS,
    });
  });

  it('drops an active account id that names no account, and accounts without an id', () => {
    const record = { format: 1, settings: { accounts: [{ user: 'x' }, 'junk'], activeAccountId: 'gone', audio: {} } };
    expect(readStoredSettings(record)).toEqual({ accounts: [], activeAccountId: undefined, audio: DEFAULT_AUDIO_SETTINGS });
  });

  it('refuses a record from a newer Tabphone or one that is not a record, rather than misread it', () => {
    expect(readStoredSettings({ format: SETTINGS_FORMAT + 1, settings: SETTINGS })).toBeUndefined();
    expect(readStoredSettings({ format: 0, settings: SETTINGS })).toBeUndefined();
    expect(readStoredSettings('settings')).toBeUndefined();
    expect(readStoredSettings({ format: 1 })).toBeUndefined();
  });
});
