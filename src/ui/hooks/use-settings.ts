import { useContext } from 'react';
import { useStore } from 'zustand';
import type { SettingsStoreState } from '../../stores/settings';
import { SettingsServiceContext, SettingsStoreContext } from '../settings-context';

/** Reads the settings store through a selector; re-renders only when the selected value changes. */
export function useSettings<T>(selector: (state: SettingsStoreState) => T): T {
  const store = useContext(SettingsStoreContext);
  if (!store) throw new Error('useSettings needs a SettingsStoreContext provider');
  return useStore(store, selector);
}

/** The settings service (save, import, export …); undefined while the saved settings load. */
export function useSettingsService() {
  return useContext(SettingsServiceContext);
}
