import type { SettingsState } from './state';

export const selectAccounts = (state: SettingsState) => state.settings.accounts;
export const selectActiveAccountId = (state: SettingsState) => state.settings.activeAccountId;
export const selectAudio = (state: SettingsState) => state.settings.audio;

const NO_USERS: string[] = [];

/**
 * The embedded PBX's demo users, offered on a first run: only on localhost (where the PBX is
 * the one `npm start` runs) and only while this tab has no account at all.
 */
export function selectDemoUsers(state: SettingsState): string[] {
  if (!state.loaded || !state.onLoopback || state.source !== 'none' || state.embeddedPbx === undefined) return NO_USERS;
  return state.embeddedPbx.demoUsers;
}
