import { openDB } from 'idb';
import type { Logger } from '../../sip/ports';
import { SETTINGS_DATABASE, SETTINGS_DB_VERSION, SETTINGS_KEY, upgradeSettingsDb, type SettingsDb } from './settings-database';
import { createMemorySettingsRepository, type SettingsRepository } from './settings-repository';
import { readStoredSettings, toStoredSettings } from './stored-settings';

/** The settings in IndexedDB; in memory when IndexedDB cannot be opened (a private window that refuses it). */
export async function openSettingsRepository(logger: Logger): Promise<SettingsRepository> {
  try {
    const db = await openDB<SettingsDb>(SETTINGS_DATABASE, SETTINGS_DB_VERSION, {
      upgrade: (database, oldVersion) => upgradeSettingsDb(database, oldVersion),
    });
    return {
      persistent: true,
      async load() {
        const record = await db.get('settings', SETTINGS_KEY);
        if (record === undefined) return undefined;
        const settings = readStoredSettings(record);
        if (!settings) logger.log('warn', 'the saved settings are from a newer Tabphone or damaged: starting without them');
        return settings;
      },
      save: async (settings) => void (await db.put('settings', toStoredSettings(settings), SETTINGS_KEY)),
    };
  } catch (error) {
    logger.log('warn', 'IndexedDB is unavailable: settings will not survive a reload', error);
    return createMemorySettingsRepository();
  }
}
