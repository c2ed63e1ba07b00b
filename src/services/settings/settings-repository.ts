import type { Settings } from '../../stores/settings';

/** Where the settings are kept between page loads. */
export interface SettingsRepository {
  /** undefined on a first run (nothing saved yet). */
  load(): Promise<Settings | undefined>;
  save(settings: Settings): Promise<void>;
  /** True when saved settings survive a reload (false for the in-memory fallback). */
  readonly persistent: boolean;
}

/** In memory: for a browser that refuses IndexedDB (nothing survives a reload) and for tests. */
export function createMemorySettingsRepository(initial?: Settings): SettingsRepository {
  let saved = initial && structuredClone(initial);
  return {
    persistent: false,
    load: () => Promise.resolve(saved && structuredClone(saved)),
    save: (settings) => {
      saved = structuredClone(settings);
      return Promise.resolve();
    },
  };
}
