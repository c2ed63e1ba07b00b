import { HEADER_SAFE, HEX, HOST, PARAM_SAFE, PASSWORD_SAFE, SCHEME, USER_SAFE, isIn } from './char-classes';
import { fail } from './errors';
import { escape, unescape } from './escapes';

export interface SipUriInit {
  scheme?: string;
  user?: string;
  password?: string;
  host?: string;
  port?: number;
  params?: Map<string, string | null>;
  headers?: Map<string, string>;
  opaque?: string;
}

/**
 * A URI as SIP uses it (RFC 3261 §19.1): sip/sips parsed fully, tel (RFC 3966) as number
 * plus parameters, any other absolute URI kept opaque (RFC 4475 §3.3.2 says such a URI is
 * well-formed and merely unsupported).
 */
export class SipUri {
  scheme: string;
  user?: string;
  password?: string;
  host: string;
  port?: number;
  params: Map<string, string | null>;
  headers: Map<string, string>;
  /** Everything after "scheme:" for schemes other than sip, sips and tel. */
  opaque?: string;

  constructor(init: SipUriInit = {}) {
    this.scheme = (init.scheme ?? 'sip').toLowerCase();
    if (init.user !== undefined) this.user = init.user;
    if (init.password !== undefined) this.password = init.password;
    this.host = (init.host ?? '').toLowerCase();
    if (init.port !== undefined) this.port = init.port;
    this.params = init.params ?? new Map();
    this.headers = init.headers ?? new Map();
    if (init.opaque !== undefined) this.opaque = init.opaque;
  }

  /** Parses a URI; throws SipParseError when it is malformed. */
  static parse(text: string): SipUri {
    return parseUri(text, 0, text.length);
  }

  get isSip(): boolean {
    return this.scheme === 'sip' || this.scheme === 'sips';
  }

  /** "scheme:user@host" without port, parameters or headers, for address-of-record comparisons. */
  get aor(): string {
    if (this.opaque !== undefined) return `${this.scheme}:${this.opaque}`;
    if (this.scheme === 'tel') return `tel:${escape(this.user ?? '', PARAM_SAFE)}`;
    const user = this.user === undefined ? '' : `${escape(this.user, USER_SAFE)}@`;
    return `${this.scheme}:${user}${this.host}`;
  }

  /** host[:port] as written in a URI or Via. */
  get hostport(): string {
    return this.port === undefined ? this.host : `${this.host}:${this.port}`;
  }

  clone(): SipUri {
    const init: SipUriInit = {
      scheme: this.scheme,
      host: this.host,
      params: new Map(this.params),
      headers: new Map(this.headers),
    };
    if (this.user !== undefined) init.user = this.user;
    if (this.password !== undefined) init.password = this.password;
    if (this.port !== undefined) init.port = this.port;
    if (this.opaque !== undefined) init.opaque = this.opaque;
    return new SipUri(init);
  }

  toString(): string {
    if (this.opaque !== undefined) return `${this.scheme}:${this.opaque}`;
    let out = `${this.scheme}:`;
    if (this.scheme === 'tel') out += escape(this.user ?? '', PARAM_SAFE);
    else {
      if (this.user !== undefined) {
        out += escape(this.user, USER_SAFE);
        if (this.password !== undefined) out += `:${escape(this.password, PASSWORD_SAFE)}`;
        out += '@';
      }
      out += this.host;
      if (this.port !== undefined) out += `:${this.port}`;
    }
    for (const [name, value] of this.params) {
      out += `;${escape(name, PARAM_SAFE)}`;
      if (value !== null) out += `=${escape(value, PARAM_SAFE)}`;
    }
    let sep = '?';
    for (const [name, value] of this.headers) {
      out += `${sep}${escape(name, HEADER_SAFE)}=${escape(value, HEADER_SAFE)}`;
      sep = '&';
    }
    return out;
  }
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** A character allowed (possibly as part of an escape) in a user, password, param or header. */
function allowed(safe: Uint8Array, c: number): boolean {
  return isIn(safe, c) || c === 0x25 /* % */ || c >= 0x80;
}

/** Parses the URI in s[start, end). Exported for the name-addr parser, which knows the end. */
export function parseUri(s: string, start: number, end: number): SipUri {
  let i = start;
  if (i >= end || !isLetter(s.charCodeAt(i))) fail(`bad URI scheme in "${s.slice(start, end)}"`);
  i++;
  while (i < end && isIn(SCHEME, s.charCodeAt(i))) i++;
  if (i >= end || s.charCodeAt(i) !== 0x3a /* : */) fail(`bad URI scheme in "${s.slice(start, end)}"`);
  const scheme = schemeAt(s, start, i);
  i++;
  if (scheme === 'sip' || scheme === 'sips') return parseSipUri(s, scheme, i, end);
  if (scheme === 'tel') return parseTelUri(s, i, end);
  return parseOpaqueUri(s, scheme, i, end);
}

/** The lower-case scheme s[start, end); sip, sips and tel without making a copy. */
function schemeAt(s: string, start: number, end: number): string {
  const length = end - start;
  if (length === 3 || length === 4) {
    const c0 = s.charCodeAt(start) | 0x20;
    const c1 = s.charCodeAt(start + 1) | 0x20;
    const c2 = s.charCodeAt(start + 2) | 0x20;
    if (c0 === 0x73 && c1 === 0x69 && c2 === 0x70) {
      if (length === 3) return 'sip';
      if ((s.charCodeAt(start + 3) | 0x20) === 0x73) return 'sips';
    } else if (length === 3 && c0 === 0x74 && c1 === 0x65 && c2 === 0x6c) return 'tel';
  }
  return s.slice(start, end).toLowerCase();
}

function parseOpaqueUri(s: string, scheme: string, i: number, end: number): SipUri {
  if (i >= end) fail(`empty ${scheme} URI`);
  for (let k = i; k < end; k++) {
    const c = s.charCodeAt(k);
    // absoluteURI (RFC 2396) characters: printable ASCII except the delimiters below.
    if (c <= 0x20 || c >= 0x7f || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x5c) {
      fail(`bad character in ${scheme} URI`);
    }
  }
  return new SipUri({ scheme, opaque: s.slice(i, end) });
}

function parseTelUri(s: string, i: number, end: number): SipUri {
  const numberStart = i;
  while (i < end && s.charCodeAt(i) !== 0x3b && allowed(PARAM_SAFE, s.charCodeAt(i))) i++;
  if (i === numberStart) fail('tel URI without a number');
  const uri = new SipUri({ scheme: 'tel', user: unescape(s.slice(numberStart, i)) });
  i = parseUriParams(s, i, end, uri.params);
  if (i < end) fail(`unexpected "${s[i]}" in tel URI`);
  return uri;
}

function parseSipUri(s: string, scheme: string, i: number, end: number): SipUri {
  const uri = new SipUri({ scheme });
  const at = s.indexOf('@', i);
  if (at >= 0 && at < end) {
    // user and password may hold ";", "?" and "/" (user-unreserved), so "@" ends them.
    let k = i;
    while (k < at && allowed(USER_SAFE, s.charCodeAt(k))) k++;
    if (k === i) fail('empty user part in URI');
    uri.user = unescape(s.slice(i, k));
    if (k < at) {
      if (s.charCodeAt(k) !== 0x3a) fail(`bad character "${s[k]}" in URI user part`);
      const p = k + 1;
      k = p;
      while (k < at && allowed(PASSWORD_SAFE, s.charCodeAt(k))) k++;
      if (k < at) fail(`bad character "${s[k]}" in URI password`);
      uri.password = unescape(s.slice(p, at));
    }
    i = at + 1;
  }
  i = parseHost(s, i, end, uri);
  if (i < end && s.charCodeAt(i) === 0x3a) {
    const p = ++i;
    let port = 0;
    while (i < end && i - p < 6) {
      const c = s.charCodeAt(i);
      if (c < 0x30 || c > 0x39) break;
      port = port * 10 + (c - 0x30);
      i++;
    }
    if (i === p || port > 65535) fail(`bad port in URI "${s.slice(p, Math.min(end, p + 8))}"`);
    uri.port = port;
  }
  i = parseUriParams(s, i, end, uri.params);
  if (i < end && s.charCodeAt(i) === 0x3f /* ? */) i = parseUriHeaders(s, i + 1, end, uri.headers);
  if (i < end) fail(`unexpected "${s[i]}" in URI`);
  return uri;
}

function parseHost(s: string, i: number, end: number, uri: SipUri): number {
  const start = i;
  if (i < end && s.charCodeAt(i) === 0x5b /* [ */) {
    i++;
    while (i < end) {
      const c = s.charCodeAt(i);
      if (!(isIn(HEX, c) || c === 0x3a || c === 0x2e)) break;
      i++;
    }
    if (i >= end || s.charCodeAt(i) !== 0x5d || i === start + 1) fail('bad IPv6 reference in URI');
    i++;
    uri.host = s.slice(start, i).toLowerCase();
    return i;
  }
  let upper = false;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!isIn(HOST, c)) break;
    if (c <= 0x5a && c >= 0x41) upper = true;
  }
  if (i === start) fail('URI has no host');
  // Addresses and most names arrive in lower case already: copy only when needed.
  uri.host = upper ? s.slice(start, i).toLowerCase() : s.slice(start, i);
  return i;
}

function parseUriParams(s: string, i: number, end: number, out: Map<string, string | null>): number {
  while (i < end && s.charCodeAt(i) === 0x3b /* ; */) {
    const nameStart = ++i;
    // Plain lower-case names (lr, ob, transport…) need neither unescaping nor lower-casing.
    let plain = true;
    for (; i < end; i++) {
      const c = s.charCodeAt(i);
      if (!allowed(PARAM_SAFE, c)) break;
      if ((c >= 0x41 && c <= 0x5a) || c === 0x25 || c >= 0x80) plain = false;
    }
    if (i === nameStart) fail('empty URI parameter');
    const name = plain ? s.slice(nameStart, i) : unescape(s.slice(nameStart, i)).toLowerCase();
    if (i < end && s.charCodeAt(i) === 0x3d /* = */) {
      const valueStart = ++i;
      while (i < end && allowed(PARAM_SAFE, s.charCodeAt(i))) i++;
      out.set(name, unescape(s.slice(valueStart, i)));
    } else out.set(name, null);
  }
  return i;
}

function parseUriHeaders(s: string, i: number, end: number, out: Map<string, string>): number {
  for (;;) {
    const nameStart = i;
    while (i < end && allowed(HEADER_SAFE, s.charCodeAt(i))) i++;
    if (i === nameStart) fail('empty URI header');
    const name = unescape(s.slice(nameStart, i));
    if (i >= end || s.charCodeAt(i) !== 0x3d) fail(`URI header ${name} has no value`);
    const valueStart = ++i;
    // Lenient: peers put unescaped ";" and "@" in Replaces values; "&" still separates.
    while (i < end) {
      const c = s.charCodeAt(i);
      if (!(allowed(HEADER_SAFE, c) || c === 0x3b || c === 0x40 || c === 0x3d || c === 0x2c)) break;
      i++;
    }
    out.set(name, unescape(s.slice(valueStart, i)));
    if (i < end && s.charCodeAt(i) === 0x26 /* & */) i++;
    else return i;
  }
}
