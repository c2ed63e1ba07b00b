import type { EmbeddedPbxInfo } from './embedded-pbx-info';

export interface AccountConfig {
  user: string;
  domain: string;
  /** undefined when no password is known: the server's challenge will then fail visibly. */
  password: string | undefined;
  server: string;
  /** "sip:1000@127.0.0.1" */
  aor: string;
}

export type AccountConfigResult = { ok: true; config: AccountConfig } | { ok: false; problem: string };

// Unreserved characters of a SIP user part (RFC 3261 §25.1) minus the ones needing escapes.
const USER = /^[A-Za-z0-9._~!*'()+-]+$/;
const DOMAIN = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)$/;

/**
 * Which account this tab runs, until the Settings screen exists: the embedded PBX's demo
 * account, overridden by URL parameters `user`, `password`, `server` and `domain`. A demo
 * user of the embedded PBX has the password `secret<user>`.
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

  return { ok: true, config: { user, domain, password, server, aor: `sip:${user}@${domain}` } };
}
