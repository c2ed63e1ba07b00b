import { createContext } from 'react';
import type { SettingsService } from '../services/settings/settings-service';
import type { SettingsStore } from '../stores/settings';

export const SettingsStoreContext = createContext<SettingsStore | null>(null);

/** The settings service once the saved settings are read; undefined until then. */
export const SettingsServiceContext = createContext<SettingsService | undefined>(undefined);

/** Runs the current account afresh (the account card's "Retry"). */
export const RetryContext = createContext<(() => void) | undefined>(undefined);
