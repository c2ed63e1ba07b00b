import { MIN_SE, SESSION_TIMERS_OFF, SipUri } from '../../sip';
import { parseServerUri } from '../../sip/transport/server-uri';
import { AUDIO_PROFILES, DTMF_MODE_SETTINGS, ICE_POLICIES, type AccountSettings } from '../../stores/settings';

/** One thing wrong with an account, named after the field the user has to change. */
export interface AccountProblem {
  field: keyof AccountSettings;
  message: string;
}

// Unreserved characters of a SIP user part (RFC 3261 §25.1) minus the ones needing escapes.
const USER = /^[A-Za-z0-9._~!*'()+-]+$/;
const DOMAIN = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)$/;
// RFC 7064 §3.1 (stun, stuns) and RFC 7065 §3.1 (turn, turns): host[:port], TURN may name its transport.
const ICE_URI = /^(stuns?|turns?):(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?(\?transport=(udp|tcp))?$/;

const REGISTER_EXPIRES = { min: 60, max: 86_400 };
const SESSION_EXPIRES = { min: MIN_SE, max: 86_400 };

export interface ValidationOptions {
  /** False for a file exported without secrets: its TURN servers lack the credential the saved copy has. */
  requireSecrets?: boolean;
}

/** Everything wrong with `account`, each with a message that says what to type instead; [] when it can be used. */
export function validateAccount(account: AccountSettings, { requireSecrets = true }: ValidationOptions = {}): AccountProblem[] {
  const problems: AccountProblem[] = [];
  const add = (field: keyof AccountSettings, message: string) => problems.push({ field, message });

  if (account.user === '') add('user', 'Enter the user name (the "1000" of sip:1000@example.com).');
  else if (!USER.test(account.user)) add('user', `The user name "${account.user}" has characters a SIP user name cannot have.`);

  if (account.authUser !== '' && !USER.test(account.authUser)) {
    add('authUser', `The authentication user "${account.authUser}" has characters a SIP user name cannot have.`);
  }

  if (account.domain === '') add('domain', 'Enter the SIP domain (the "example.com" of sip:1000@example.com).');
  else if (!DOMAIN.test(account.domain)) add('domain', `The domain "${account.domain}" is not a host name or IP address.`);

  if (account.servers.length === 0) add('servers', 'Enter at least one WebSocket server, e.g. wss://sip.example.com.');
  for (const server of account.servers) {
    const problem = serverProblem(server);
    if (problem) add('servers', problem);
  }

  if (account.outboundProxy !== '' && !isSipUri(account.outboundProxy)) {
    add('outboundProxy', `The outbound proxy "${account.outboundProxy}" is not a SIP URI such as sip:proxy.example.com;lr.`);
  }

  if (!inRange(account.registerExpires, REGISTER_EXPIRES)) {
    add('registerExpires', `Registration expiry must be a whole number of seconds from ${REGISTER_EXPIRES.min} to ${REGISTER_EXPIRES.max}.`);
  }
  if (account.sessionExpires !== SESSION_TIMERS_OFF && !inRange(account.sessionExpires, SESSION_EXPIRES)) {
    add('sessionExpires', `The session timer must be a whole number of seconds from ${SESSION_EXPIRES.min} to ${SESSION_EXPIRES.max}, or 0 to switch it off.`);
  }

  for (const server of account.iceServers) {
    const match = ICE_URI.exec(server.url);
    if (!match || (match[3] !== undefined && !isPort(match[3]))) {
      add('iceServers', `"${server.url}" is not a STUN or TURN URI such as stun:stun.example.com:3478 or turn:turn.example.com?transport=udp.`);
    } else if (match[1]!.startsWith('turn') && (server.username === '' || (requireSecrets && server.credential === ''))) {
      add('iceServers', `The TURN server "${server.url}" needs a user name and a credential.`);
    } else if (match[1]!.startsWith('stun') && match[4] !== undefined) {
      add('iceServers', `The STUN server "${server.url}" cannot name a transport; only TURN URIs can.`);
    }
  }

  if (!ICE_POLICIES.includes(account.icePolicy)) add('icePolicy', `The ICE policy "${String(account.icePolicy)}" is not "all" or "relay".`);
  else if (account.icePolicy === 'relay' && !account.iceServers.some((s) => /^turns?:/.test(s.url))) {
    add('icePolicy', 'Relay-only media needs a TURN server: add one or allow all candidates.');
  }
  if (!AUDIO_PROFILES.includes(account.audioProfile)) {
    add('audioProfile', `The audio profile "${String(account.audioProfile)}" is not one of ${AUDIO_PROFILES.join(', ')}.`);
  }
  if (!DTMF_MODE_SETTINGS.includes(account.dtmfMode)) {
    add('dtmfMode', `The DTMF mode "${String(account.dtmfMode)}" is not one of ${DTMF_MODE_SETTINGS.join(', ')}.`);
  }
  return problems;
}

/** Why the transport would refuse `uri`, in the user's terms; undefined when it is usable. */
function serverProblem(uri: string): string | undefined {
  if (parseServerUri(uri).ok) return undefined;
  // The transport refuses plain ws:// to anything but loopback (RFC 7118 §9 asks for WSS).
  if (/^ws:\/\//i.test(uri) && parseServerUri(`wss://${uri.slice(5)}`).ok) {
    return `The server "${uri}" must use wss:// (plain ws:// is allowed only for localhost and 127.0.0.1).`;
  }
  return `The server "${uri}" is not a WebSocket URI such as wss://sip.example.com or wss://sip.example.com:8443/ws.`;
}

function isSipUri(text: string): boolean {
  try {
    const uri = SipUri.parse(text);
    return uri.scheme === 'sip' || uri.scheme === 'sips';
  } catch {
    return false;
  }
}

function inRange(value: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

function isPort(text: string): boolean {
  const port = Number(text);
  return port >= 1 && port <= 65_535;
}
