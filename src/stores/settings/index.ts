export {
  AUDIO_PROFILES,
  DTMF_MODE_SETTINGS,
  DEFAULT_AUDIO_SETTINGS,
  EMPTY_SETTINGS,
  ICE_POLICIES,
  RINGTONES,
  accountAor,
  activeAccount,
  blankAccount,
  type AccountSettings,
  type AudioProfileSetting,
  type AudioSettings,
  type DtmfModeSetting,
  type IcePolicySetting,
  type IceServerSetting,
  type RingtoneSetting,
  type Settings,
} from './model';
export type { AccountSource, DemoPbx, SettingsNotice, SettingsState } from './state';
export type { SettingsActions } from './actions';
export { createSettingsStore, type SettingsStore, type SettingsStoreState } from './store';
export { selectAccounts, selectActiveAccountId, selectAudio, selectDemoUsers } from './selectors';
