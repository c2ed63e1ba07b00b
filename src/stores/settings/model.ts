/** How an account can send DTMF, as MicroSIP names the choices; 'auto' is RFC 4733 when negotiated, else SIP INFO. */
export const DTMF_MODE_SETTINGS = ['auto', 'rfc4733', 'info', 'inband'] as const;
export type DtmfModeSetting = (typeof DTMF_MODE_SETTINGS)[number];

export const AUDIO_PROFILES = ['webrtc', 'sipconnect'] as const;
export type AudioProfileSetting = (typeof AUDIO_PROFILES)[number];

export const ICE_POLICIES = ['all', 'relay'] as const;
export type IcePolicySetting = (typeof ICE_POLICIES)[number];

export const RINGTONES = ['double-ring', 'single-ring', 'chirp'] as const;
export type RingtoneSetting = (typeof RINGTONES)[number];

/** One STUN or TURN server as the user enters it (the fields of RTCIceServer, one URL each). */
export interface IceServerSetting {
  url: string;
  username: string;
  credential: string;
}

/** A SIP account as saved: every field the Settings screen edits, in plain JSON. */
export interface AccountSettings {
  /** Stable key of the account within these settings (not sent anywhere). */
  id: string;
  displayName: string;
  user: string;
  /** Digest user name; '' means the same as `user`. */
  authUser: string;
  password: string;
  domain: string;
  /** WebSocket server URIs in failover order. */
  servers: string[];
  /** A SIP URI for a preloaded Route; '' for none. */
  outboundProxy: string;
  /** Requested registration lifetime, in seconds. */
  registerExpires: number;
  iceServers: IceServerSetting[];
  icePolicy: IcePolicySetting;
  audioProfile: AudioProfileSetting;
  dtmfMode: DtmfModeSetting;
  delayedOffer: boolean;
  /** RFC 4028 Session-Expires our calls ask for, in seconds; 0 switches session timers off. */
  sessionExpires: number;
  confirmTransfers: boolean;
}

/** Audio routing; '' is the system default device. */
export interface AudioSettings {
  microphoneId: string;
  speakerId: string;
  ringerId: string;
  ringtone: RingtoneSetting;
}

/** Everything the Settings screen keeps. */
export interface Settings {
  accounts: AccountSettings[];
  /** The account this install registers; undefined when none is chosen yet. */
  activeAccountId: string | undefined;
  audio: AudioSettings;
}

export const DEFAULT_AUDIO_SETTINGS: AudioSettings = { microphoneId: '', speakerId: '', ringerId: '', ringtone: 'double-ring' };

export const EMPTY_SETTINGS: Settings = { accounts: [], activeAccountId: undefined, audio: DEFAULT_AUDIO_SETTINGS };

/** A new account's values before the user types anything: RFC and core defaults. */
export function blankAccount(id: string): AccountSettings {
  return {
    id,
    displayName: '',
    user: '',
    authUser: '',
    password: '',
    domain: '',
    servers: [],
    outboundProxy: '',
    // The core's defaults: 600 s bindings, 1800 s session interval (RFC 4028 §4).
    registerExpires: 600,
    iceServers: [],
    icePolicy: 'all',
    audioProfile: 'webrtc',
    dtmfMode: 'auto',
    delayedOffer: false,
    sessionExpires: 1800,
    confirmTransfers: false,
  };
}

export function activeAccount(settings: Settings): AccountSettings | undefined {
  return settings.accounts.find((account) => account.id === settings.activeAccountId);
}

/** "sip:1000@127.0.0.1": how the user tells accounts apart, and how imports match them. */
export function accountAor(account: Pick<AccountSettings, 'user' | 'domain'>): string {
  return `sip:${account.user}@${account.domain}`;
}
