import type { IceServerConfig } from '../../sip/media-port';
import { accountAor, activeAccount, type AccountSettings, type AudioSettings, type IceServerSetting, type Settings } from '../../stores/settings';

/**
 * The JSON of an exported configuration, which is also what a provisioning link (?config=URL)
 * and an import read. Documented in README "Configuration". Only `accounts` is required, and
 * of each account only `user`, `domain` and `server`.
 */
export interface ConfigDocument {
  format: typeof CONFIG_FORMAT;
  version: number;
  accounts: DocumentAccount[];
  /** The address of record of the account to register, e.g. "sip:1000@example.com". */
  activeAccount?: string;
  audio?: Partial<AudioSettings>;
}

export interface DocumentAccount {
  displayName?: string;
  user: string;
  authUser?: string;
  /** Left out of an export unless passwords were asked for. */
  password?: string;
  domain: string;
  /** One WebSocket URI, or several in failover order. */
  server: string | string[];
  outboundProxy?: string;
  registerExpires?: number;
  iceServers?: IceServerConfig[];
  icePolicy?: AccountSettings['icePolicy'];
  audioProfile?: AccountSettings['audioProfile'];
  dtmfMode?: AccountSettings['dtmfMode'];
  delayedOffer?: boolean;
  sessionExpires?: number;
  confirmTransfers?: boolean;
}

export const CONFIG_FORMAT = 'tabphone-config';
export const CONFIG_VERSION = 1;

export interface ExportOptions {
  /** Account passwords and TURN credentials go into the file only when the user asks for them. */
  includePasswords: boolean;
}

/** The whole configuration as a document; secrets only when asked for. */
export function exportConfig(settings: Settings, { includePasswords }: ExportOptions): ConfigDocument {
  const active = activeAccount(settings);
  return {
    format: CONFIG_FORMAT,
    version: CONFIG_VERSION,
    accounts: settings.accounts.map((account) => exportAccount(account, includePasswords)),
    ...(active ? { activeAccount: accountAor(active) } : {}),
    audio: settings.audio,
  };
}

function exportAccount(account: AccountSettings, includePasswords: boolean): DocumentAccount {
  return {
    displayName: account.displayName,
    user: account.user,
    authUser: account.authUser,
    ...(includePasswords ? { password: account.password } : {}),
    domain: account.domain,
    server: account.servers.length === 1 ? account.servers[0]! : account.servers,
    outboundProxy: account.outboundProxy,
    registerExpires: account.registerExpires,
    iceServers: account.iceServers.map((server) => exportIceServer(server, includePasswords)),
    icePolicy: account.icePolicy,
    audioProfile: account.audioProfile,
    dtmfMode: account.dtmfMode,
    delayedOffer: account.delayedOffer,
    sessionExpires: account.sessionExpires,
    confirmTransfers: account.confirmTransfers,
  };
}

function exportIceServer(server: IceServerSetting, includePasswords: boolean): IceServerConfig {
  return {
    urls: server.url,
    ...(server.username !== '' ? { username: server.username } : {}),
    ...(includePasswords && server.credential !== '' ? { credential: server.credential } : {}),
  };
}
