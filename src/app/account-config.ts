import { DEFAULT_CALL_SETTINGS, DTMF_MODE_SETTINGS, type CallSettings, type DtmfModeSetting } from './call-media-defaults';
import type { EmbeddedPbxInfo } from './embedded-pbx-info';

/** The account a phone runs: from the saved settings (account-from-settings.ts) or the page's URL. */
export interface AccountConfig {
  user: string;
  domain: string;
  /** undefined when no password is known: the server's challenge will then fail visibly. */
  password: string | undefined;
  /** Digest user name when it differs from `user`. */
  authUser?: string;
  displayName?: string;
  /** WebSocket URIs in failover order. */
  servers: string[];
  /** A SIP URI that out-of-dialog requests are routed through (a preloaded Route). */
  outboundProxy?: string;
  /** "sip:1000@127.0.0.1" */
  aor: string;
  /** Binding lifetime to ask for, in seconds; undefined leaves the core's default. */
  registerExpires?: number;
  call: CallSettings;
}

/** The URL parameters that define an account; any of them makes the page run its own, unsaved account. */
const ACCOUNT_PARAMS = ['user', 'password', 'server', 'domain', 'dtmf', 'delayedOffer', 'stun', 'turn', 'icePolicy', 'confirmTransfer'];

export function hasAccountParams(params: URLSearchParams): boolean {
  return ACCOUNT_PARAMS.some((name) => params.has(name));
}

/** The query string without the account parameters, once a saved account has taken the tab over. */
export function withoutAccountParams(search: string): string {
  const params = new URLSearchParams(search);
  for (const name of ACCOUNT_PARAMS) params.delete(name);
  return params.size > 0 ? `?${params}` : '';
}

export type AccountConfigResult = { ok: true; config: AccountConfig } | { ok: false; problem: string };

// Unreserved characters of a SIP user part (RFC 3261 §25.1) minus the ones needing escapes.
const USER = /^[A-Za-z0-9._~!*'()+-]+$/;
const DOMAIN = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)$/;
// RFC 7064 §3.1: stun:host[:port], no path, query or user info.
const STUN_URI = /^stun:(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:(\d{1,5}))?$/;
// RFC 7065 §3.1: turn(s):host[:port][?transport=udp|tcp].
const TURN_URI = /^turns?:(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:(\d{1,5}))?(\?transport=(udp|tcp))?$/;

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * The account a page's URL asks for (kept for links and tests; saved accounts come from
 * Settings): the embedded PBX's demo account, overridden by URL parameters `user`, `password`, `server` and `domain`. A demo
 * user of the embedded PBX has the password `secret<user>`. Call settings come from `dtmf`
 * (auto, rfc4733, info, inband), `delayedOffer` (0 or 1), `stun` (stun:host[:port], may repeat),
 * `turn` (turn:host[:port], may repeat, with `turnUser` and `turnPassword`) and `icePolicy` (all, relay).
 */
export function resolveAccountConfig(params: URLSearchParams, pbx: EmbeddedPbxInfo | undefined): AccountConfigResult {
  const server = params.get('server') ?? pbx?.server;
  if (server === undefined) {
    return { ok: false, problem: 'No SIP server known: this page was not served with an embedded PBX; add ?server=ws://…' };
  }
  let serverUrl: URL;
  try {
    serverUrl = new URL(server);
  } catch {
    return { ok: false, problem: `The server "${server}" is not a URL` };
  }
  if (serverUrl.protocol !== 'ws:' && serverUrl.protocol !== 'wss:') {
    return { ok: false, problem: `The server "${server}" is not a ws:// or wss:// URL` };
  }

  const user = params.get('user') ?? pbx?.demoUsers[0] ?? '1000';
  if (!USER.test(user)) return { ok: false, problem: `The user "${user}" is not a valid SIP user name` };

  const domain = params.get('domain') ?? (server === pbx?.server ? pbx.domain : serverUrl.hostname);
  if (!DOMAIN.test(domain)) return { ok: false, problem: `The domain "${domain}" is not a valid host name` };

  const isDemoUser = pbx !== undefined && server === pbx.server && domain === pbx.domain && pbx.demoUsers.includes(user);
  const password = params.get('password') ?? (isDemoUser ? `secret${user}` : undefined);

  const call = resolveCallSettings(params);
  if (!call.ok) return call;

  return { ok: true, config: { user, domain, password, servers: [server], aor: `sip:${user}@${domain}`, call: call.value } };
}

function resolveCallSettings(params: URLSearchParams): Parsed<CallSettings> {
  const dtmf = params.get('dtmf') ?? DEFAULT_CALL_SETTINGS.dtmfMode;
  if (!isDtmfMode(dtmf)) {
    return { ok: false, problem: `The DTMF mode "${dtmf}" is not one of ${DTMF_MODE_SETTINGS.join(', ')}` };
  }

  const delayed = params.get('delayedOffer');
  if (delayed !== null && delayed !== '0' && delayed !== '1') {
    return { ok: false, problem: `The delayedOffer setting "${delayed}" is not 0 or 1` };
  }

  const confirm = params.get('confirmTransfer');
  if (confirm !== null && confirm !== '0' && confirm !== '1') {
    return { ok: false, problem: `The confirmTransfer setting "${confirm}" is not 0 or 1` };
  }

  const stunServers = params.getAll('stun');
  const badStun = stunServers.find((uri) => !isIceServerUri(STUN_URI, uri));
  if (badStun !== undefined) return { ok: false, problem: `The STUN server "${badStun}" is not a stun:host or stun:host:port URI` };

  const turnServers = params.getAll('turn');
  const badTurn = turnServers.find((uri) => !isIceServerUri(TURN_URI, uri));
  if (badTurn !== undefined) return { ok: false, problem: `The TURN server "${badTurn}" is not a turn:host[:port] URI` };
  const turnUser = params.get('turnUser');
  const turnPassword = params.get('turnPassword');
  const turnCredentials = { ...(turnUser !== null ? { username: turnUser } : {}), ...(turnPassword !== null ? { credential: turnPassword } : {}) };

  const icePolicy = params.get('icePolicy') ?? DEFAULT_CALL_SETTINGS.icePolicy;
  if (icePolicy !== 'all' && icePolicy !== 'relay') return { ok: false, problem: `The icePolicy setting "${icePolicy}" is not all or relay` };

  return {
    ok: true,
    value: {
      ...DEFAULT_CALL_SETTINGS,
      dtmfMode: dtmf,
      delayedOffer: delayed === null ? DEFAULT_CALL_SETTINGS.delayedOffer : delayed === '1',
      iceServers: [...stunServers.map((urls) => ({ urls })), ...turnServers.map((urls) => ({ urls, ...turnCredentials }))],
      icePolicy,
      confirmTransfers: confirm === null ? DEFAULT_CALL_SETTINGS.confirmTransfers : confirm === '1',
    },
  };
}

function isDtmfMode(text: string): text is DtmfModeSetting {
  return (DTMF_MODE_SETTINGS as readonly string[]).includes(text);
}

function isIceServerUri(pattern: RegExp, text: string): boolean {
  const match = pattern.exec(text);
  if (!match) return false;
  const port = match[3];
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}
