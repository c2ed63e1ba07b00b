import { EMPTY_SETTINGS, type Settings } from './model';

/** Where the account this tab runs came from: the saved settings, the page's URL (not saved), or nowhere yet. */
export type AccountSource = 'saved' | 'url' | 'none';

/** A message about what happened to the settings (provisioning, import, saving). */
export interface SettingsNotice {
  tone: 'info' | 'warning' | 'error';
  text: string;
}

/** The embedded PBX that served the page (its /embedded-pbx.json): where the demo accounts live. */
export interface DemoPbx {
  server: string;
  domain: string;
  demoUsers: string[];
}

export interface SettingsState {
  settings: Settings;
  /** False until the saved settings have been read. */
  loaded: boolean;
  source: AccountSource;
  /** The embedded PBX of the server that served the page, for the demo account offer. */
  embeddedPbx: DemoPbx | undefined;
  /** True when the page came from localhost / 127.0.0.1, where the demo account is offered. */
  onLoopback: boolean;
  notices: SettingsNotice[];
  /** A saved account change waits for the live call to end before the phone restarts on it. */
  restartPending: boolean;
}

export const initialSettingsState: SettingsState = {
  settings: EMPTY_SETTINGS,
  loaded: false,
  source: 'none',
  embeddedPbx: undefined,
  onLoopback: false,
  notices: [],
  restartPending: false,
};
