/**
 * Digest credentials as carried in Authorization / Proxy-Authorization (RFC 7616 §3.4, RFC 3261 §22.4):
 * reading them on the server, writing them on the client.
 */
import { quoteString, scanAuthHeader } from './auth-params';

export interface DigestAuthorizationParams {
  /** As sent: the user's name, or its hash when userhash is true. */
  username: string;
  realm: string;
  nonce: string;
  uri: string;
  response: string;
  /** As written; "MD5" when absent. */
  algorithm: string;
  cnonce?: string;
  opaque?: string;
  /** As written (lower-cased); the server decides whether it is one it accepts. */
  qop?: string;
  nc?: string;
  userhash: boolean;
}

const REQUIRED = ['username', 'realm', 'nonce', 'uri', 'response'] as const;

export type ParseAuthorizationResult = { ok: true; params: DigestAuthorizationParams } | { ok: false; reason: string };

/** Reads the first credentials in the value. The reason never repeats what the client sent. */
export function parseAuthorization(value: string): ParseAuthorizationResult {
  const elements = scanAuthHeader(value);
  const element = elements?.[0];
  if (!element) return { ok: false, reason: 'malformed credentials' };
  if (element.scheme.toLowerCase() !== 'digest') {
    return { ok: false, reason: `unsupported authorization scheme ${element.scheme}` };
  }
  const p = element.params;
  const missing = REQUIRED.filter((name) => p.get(name) === undefined);
  if (missing.length) return { ok: false, reason: `credentials lack ${missing.join(', ')}` };

  const params: DigestAuthorizationParams = {
    username: p.get('username')!,
    realm: p.get('realm')!,
    nonce: p.get('nonce')!,
    uri: p.get('uri')!,
    response: p.get('response')!,
    algorithm: p.get('algorithm') || 'MD5',
    userhash: p.get('userhash')?.toLowerCase() === 'true',
  };
  for (const name of ['cnonce', 'opaque', 'nc'] as const) {
    const v = p.get(name);
    if (v !== undefined) params[name] = v;
  }
  const qop = p.get('qop');
  if (qop !== undefined) params.qop = qop.toLowerCase();
  return { ok: true, params };
}

/**
 * Writes credentials in the order of the RFC 3261 §22.4 example. username, realm, nonce, uri, response,
 * cnonce and opaque are quoted strings; algorithm, qop and nc are bare tokens (RFC 7616 §3.4).
 */
export function formatAuthorization(params: DigestAuthorizationParams): string {
  const parts = [
    `username=${quoteString(params.username)}`,
    `realm=${quoteString(params.realm)}`,
    `nonce=${quoteString(params.nonce)}`,
    `uri=${quoteString(params.uri)}`,
    `response=${quoteString(params.response)}`,
    `algorithm=${params.algorithm}`,
  ];
  if (params.cnonce !== undefined) parts.push(`cnonce=${quoteString(params.cnonce)}`);
  if (params.opaque !== undefined) parts.push(`opaque=${quoteString(params.opaque)}`);
  if (params.qop !== undefined) parts.push(`qop=${params.qop}`);
  if (params.nc !== undefined) parts.push(`nc=${params.nc}`);
  if (params.userhash) parts.push('userhash=true');
  return `Digest ${parts.join(', ')}`;
}
