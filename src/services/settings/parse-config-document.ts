import {
  AUDIO_PROFILES,
  DTMF_MODE_SETTINGS,
  ICE_POLICIES,
  RINGTONES,
  accountAor,
  blankAccount,
  type AccountSettings,
  type AudioSettings,
  type IceServerSetting,
} from '../../stores/settings';
import { validateAccount } from './account-validation';
import { CONFIG_FORMAT, CONFIG_VERSION } from './config-document';

/** An imported account; `password` is undefined when the file has none (an export without secrets). */
export type ImportedAccount = Omit<AccountSettings, 'id' | 'password'> & { password: string | undefined };

/** A configuration file's content, checked: every account in it is usable. */
export interface ImportedConfig {
  accounts: ImportedAccount[];
  activeAccount: string | undefined;
  audio: Partial<AudioSettings> | undefined;
  /** Keys the file has that Tabphone does not know: ignored, but the user is told. */
  warnings: string[];
}

export type ConfigParseResult = { ok: true; config: ImportedConfig } | { ok: false; problem: string };

const TOP_KEYS = ['format', 'version', 'accounts', 'activeAccount', 'audio'];
const ACCOUNT_KEYS = [
  'displayName', 'user', 'authUser', 'password', 'domain', 'server', 'outboundProxy', 'registerExpires',
  'iceServers', 'icePolicy', 'audioProfile', 'dtmfMode', 'delayedOffer', 'sessionExpires', 'confirmTransfers',
];
const ICE_SERVER_KEYS = ['urls', 'username', 'credential'];
const AUDIO_KEYS = ['microphoneId', 'speakerId', 'ringerId', 'ringtone'];

/** Refusal of the whole file: thrown inside the parser, turned into a result at its edge. */
class Malformed extends Error {}

/** Parses a configuration file's text; a malformed file is refused whole, with the reason. */
export function parseConfigText(text: string): ConfigParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `The file is not JSON (${(error as Error).message}).` };
  }
  return parseConfigDocument(value);
}

export function parseConfigDocument(value: unknown): ConfigParseResult {
  try {
    return { ok: true, config: readDocument(value) };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, problem: error.message };
    throw error;
  }
}

function readDocument(value: unknown): ImportedConfig {
  const warnings: string[] = [];
  const doc = object(value, 'The file');
  warnUnknown(doc, TOP_KEYS, 'the file', warnings);
  if (doc.format !== undefined && doc.format !== CONFIG_FORMAT) throw new Malformed(`"format" is "${String(doc.format)}", not "${CONFIG_FORMAT}".`);
  if (doc.version !== undefined && (typeof doc.version !== 'number' || doc.version > CONFIG_VERSION)) {
    throw new Malformed(`"version" ${String(doc.version)} is newer than this Tabphone reads (${CONFIG_VERSION}).`);
  }
  if (!Array.isArray(doc.accounts)) throw new Malformed('The file has no "accounts" list.');
  const accounts = doc.accounts.map((entry, index) => readAccount(entry, `accounts[${index}]`, warnings));

  const seen = new Set<string>();
  for (const account of accounts) {
    const aor = accountAor(account);
    if (seen.has(aor)) throw new Malformed(`The account ${aor} is in the file twice.`);
    seen.add(aor);
  }
  const activeAccount = optional(doc, 'activeAccount', 'the file', 'string');
  if (activeAccount !== undefined && !seen.has(activeAccount)) {
    throw new Malformed(`"activeAccount" ${activeAccount} is not one of the file's accounts.`);
  }
  const audio = doc.audio === undefined ? undefined : readAudio(doc.audio, warnings);
  return { accounts, activeAccount, audio, warnings };
}

function readAccount(value: unknown, where: string, warnings: string[]): ImportedAccount {
  const entry = object(value, where);
  warnUnknown(entry, ACCOUNT_KEYS, where, warnings);
  const defaults = blankAccount('');
  const server = entry.server;
  let servers: string[];
  if (typeof server === 'string') servers = [server];
  else if (Array.isArray(server) && server.every((s) => typeof s === 'string')) servers = server as string[];
  else throw new Malformed(`${where}: "server" must be a WebSocket URI or a list of them.`);

  const account: ImportedAccount = {
    displayName: optional(entry, 'displayName', where, 'string') ?? '',
    user: required(entry, 'user', where),
    authUser: optional(entry, 'authUser', where, 'string') ?? '',
    password: optional(entry, 'password', where, 'string'),
    domain: required(entry, 'domain', where),
    servers,
    outboundProxy: optional(entry, 'outboundProxy', where, 'string') ?? '',
    registerExpires: optional(entry, 'registerExpires', where, 'number') ?? defaults.registerExpires,
    iceServers: readIceServers(entry.iceServers, where, warnings),
    icePolicy: oneOf(entry, 'icePolicy', where, ICE_POLICIES) ?? defaults.icePolicy,
    audioProfile: oneOf(entry, 'audioProfile', where, AUDIO_PROFILES) ?? defaults.audioProfile,
    dtmfMode: oneOf(entry, 'dtmfMode', where, DTMF_MODE_SETTINGS) ?? defaults.dtmfMode,
    delayedOffer: optional(entry, 'delayedOffer', where, 'boolean') ?? defaults.delayedOffer,
    sessionExpires: optional(entry, 'sessionExpires', where, 'number') ?? defaults.sessionExpires,
    confirmTransfers: optional(entry, 'confirmTransfers', where, 'boolean') ?? defaults.confirmTransfers,
  };
  const problems = validateAccount({ ...account, id: '', password: account.password ?? '' }, { requireSecrets: false });
  if (problems.length > 0) throw new Malformed(`${where} (${accountAor(account)}): ${problems[0]!.message}`);
  return account;
}

/** RTCIceServer[] as in the WebRTC API: `urls` is one URL or several, sharing the credentials. */
function readIceServers(value: unknown, where: string, warnings: string[]): IceServerSetting[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Malformed(`${where}: "iceServers" must be a list of { "urls", "username", "credential" }.`);
  return value.flatMap((item, index) => {
    const at = `${where}.iceServers[${index}]`;
    const server = object(item, at);
    warnUnknown(server, ICE_SERVER_KEYS, at, warnings);
    const urls = server.urls;
    const list = typeof urls === 'string' ? [urls] : Array.isArray(urls) && urls.every((u) => typeof u === 'string') ? (urls as string[]) : undefined;
    if (!list) throw new Malformed(`${at}: "urls" must be a STUN/TURN URI or a list of them.`);
    const username = optional(server, 'username', at, 'string') ?? '';
    const credential = optional(server, 'credential', at, 'string') ?? '';
    return list.map((url) => ({ url, username, credential }));
  });
}

function readAudio(value: unknown, warnings: string[]): Partial<AudioSettings> {
  const audio = object(value, '"audio"');
  warnUnknown(audio, AUDIO_KEYS, 'audio', warnings);
  const read: Partial<AudioSettings> = {};
  for (const key of ['microphoneId', 'speakerId', 'ringerId'] as const) {
    const id = optional(audio, key, 'audio', 'string');
    if (id !== undefined) read[key] = id;
  }
  const ringtone = oneOf(audio, 'ringtone', 'audio', RINGTONES);
  if (ringtone !== undefined) read.ringtone = ringtone;
  return read;
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Malformed(`${what} is not a JSON object.`);
  return value as Record<string, unknown>;
}

function warnUnknown(entry: Record<string, unknown>, known: string[], where: string, warnings: string[]): void {
  for (const key of Object.keys(entry)) {
    if (!known.includes(key)) warnings.push(`Ignored unknown key "${key}" in ${where}.`);
  }
}

type TypeName = 'string' | 'number' | 'boolean';
type TypeOf<T extends TypeName> = T extends 'string' ? string : T extends 'number' ? number : boolean;

function optional<T extends TypeName>(entry: Record<string, unknown>, key: string, where: string, type: T): TypeOf<T> | undefined {
  const value = entry[key];
  if (value === undefined) return undefined;
  if (typeof value !== type) throw new Malformed(`${where}: "${key}" must be a ${type}.`);
  return value as TypeOf<T>;
}

function required(entry: Record<string, unknown>, key: string, where: string): string {
  const value = optional(entry, key, where, 'string');
  if (value === undefined || value === '') throw new Malformed(`${where}: "${key}" is missing.`);
  return value;
}

function oneOf<T extends string>(entry: Record<string, unknown>, key: string, where: string, choices: readonly T[]): T | undefined {
  const value = optional(entry, key, where, 'string');
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) throw new Malformed(`${where}: "${key}" is "${value}", not one of ${choices.join(', ')}.`);
  return value as T;
}
