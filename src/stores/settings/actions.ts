import type { Settings } from './model';
import type { AccountSource, DemoPbx, SettingsNotice, SettingsState } from './state';

export interface SettingsActions {
  setLoaded(settings: Settings, source: AccountSource): void;
  setSettings(settings: Settings): void;
  setSource(source: AccountSource): void;
  setEnvironment(embeddedPbx: DemoPbx | undefined, onLoopback: boolean): void;
  addNotices(notices: SettingsNotice[]): void;
  dismissNotice(notice: SettingsNotice): void;
  setRestartPending(pending: boolean): void;
}

type SetState = (update: Partial<SettingsState> | ((state: SettingsState) => Partial<SettingsState>)) => void;

/** Plain setters: the settings service does the I/O and decides; the store records. */
export function createSettingsActions(set: SetState): SettingsActions {
  return {
    setLoaded: (settings, source) => set({ settings, source, loaded: true }),
    setSettings: (settings) => set({ settings }),
    setSource: (source) => set({ source }),
    setEnvironment: (embeddedPbx, onLoopback) => set({ embeddedPbx, onLoopback }),
    addNotices: (notices) => set((state) => ({ notices: [...state.notices, ...notices] })),
    dismissNotice: (notice) => set((state) => ({ notices: state.notices.filter((n) => n !== notice) })),
    setRestartPending: (restartPending) => set({ restartPending }),
  };
}
