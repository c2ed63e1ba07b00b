import { createStore } from 'zustand/vanilla';
import { createSettingsActions, type SettingsActions } from './actions';
import { initialSettingsState, type SettingsState } from './state';

export type SettingsStoreState = SettingsState & SettingsActions;
export type SettingsStore = ReturnType<typeof createSettingsStore>;

export function createSettingsStore() {
  return createStore<SettingsStoreState>()((set) => ({ ...initialSettingsState, ...createSettingsActions(set) }));
}
