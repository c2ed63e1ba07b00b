import { TOKEN, isIn } from './char-classes';
import { fail } from './errors';
import { formatHeaderParams, paramText, parseHeaderParams } from './header-params';
import { isWs, listElementEnd, quote, scanQuoted, skipWs, trimEnd, unquote } from './scanner';
import { SipUri, parseUri } from './uri';

/**
 * name-addr / addr-spec with header parameters (RFC 3261 §20.10, §25.1): the value of
 * From, To, Contact, Route, Record-Route, Refer-To, Referred-By, P-Asserted-Identity.
 * Always serialized in the name-addr form, which is valid wherever addr-spec is.
 */
export class NameAddr {
  displayName?: string;
  uri: SipUri;
  params: Map<string, string | null>;

  constructor(uri: SipUri, displayName?: string, params?: Map<string, string | null>) {
    this.uri = uri;
    if (displayName !== undefined) this.displayName = displayName;
    this.params = params ?? new Map();
  }

  static parse(text: string): NameAddr {
    return parseNameAddr(text, 0, text.length, 'address');
  }

  get tag(): string | undefined {
    return paramText(this.params.get('tag'));
  }

  clone(): NameAddr {
    return new NameAddr(this.uri.clone(), this.displayName, new Map(this.params));
  }

  toString(): string {
    const name = this.displayName === undefined ? '' : `${quote(this.displayName)} `;
    return `${name}<${this.uri.toString()}>${formatHeaderParams(this.params)}`;
  }
}

/** Parses s[start, end) as one name-addr or addr-spec; `where` names the header for faults. */
export function parseNameAddr(s: string, start: number, end: number, where: string): NameAddr {
  let i = skipWs(s, start, end);
  if (i >= end) fail(`empty ${where}`);
  let displayName: string | undefined;
  const c = s.charCodeAt(i);
  if (c === 0x22) {
    const q = scanQuoted(s, i, end);
    if (q < 0) fail(`unterminated quoted display name in ${where}`);
    displayName = unquote(s.slice(i, q));
    i = skipWs(s, q, end);
    if (i >= end || s.charCodeAt(i) !== 0x3c) fail(`display name not followed by <URI> in ${where}`);
  } else if (c !== 0x3c) {
    // Either a token display name before "<" (LWS before "<" optional, RFC 4475 §3.1.1.6)
    // or a bare addr-spec, whose parameters then belong to the header (RFC 3261 §20.10).
    let k = i;
    while (k < end) {
      const d = s.charCodeAt(k);
      if (!(isIn(TOKEN, d) || isWs(d))) break;
      k++;
    }
    if (k < end && s.charCodeAt(k) === 0x3c) {
      displayName = s.slice(i, trimEnd(s, i, k));
      i = k;
    } else if (k < end && s.charCodeAt(k) !== 0x3a /* : */ && s.indexOf('<', k) >= 0 && s.indexOf('<', k) < end) {
      fail(`unquoted display name with "${s[k]}" in ${where}`);
    } else return parseAddrSpec(s, i, end, where);
  }
  // s[i] is "<"
  const close = s.indexOf('>', i + 1);
  if (close < 0 || close >= end) fail(`unterminated <URI> in ${where}`);
  const uri = parseUri(s, i + 1, close);
  const addr = new NameAddr(uri, displayName);
  i = parseHeaderParams(s, close + 1, end, addr.params, where);
  if (i < end) fail(`unexpected "${s[i]}" after the address in ${where}`);
  return addr;
}

function parseAddrSpec(s: string, i: number, end: number, where: string): NameAddr {
  let uriEnd = i;
  while (uriEnd < end) {
    const c = s.charCodeAt(uriEnd);
    if (c === 0x3b || isWs(c)) break;
    uriEnd++;
  }
  const uri = parseUri(s, i, uriEnd);
  // RFC 3261 §20: a URI with a comma, question mark or semicolon needs <>.
  if (uri.headers.size > 0) fail(`URI with headers not enclosed in <> in ${where}`);
  const addr = new NameAddr(uri);
  i = parseHeaderParams(s, uriEnd, end, addr.params, where);
  if (i < end) fail(`unexpected "${s[i]}" after the address in ${where}`);
  return addr;
}

/**
 * Appends to `out` the comma list of addresses in s[start, end), one line of Contact, Route,
 * Record-Route or P-Asserted-Identity.
 */
export function parseNameAddrLine(s: string, start: number, end: number, where: string, out: NameAddr[]): void {
  for (let i = start; ; ) {
    const comma = listElementEnd(s, i, end);
    if (comma < 0) fail(`unterminated quoted string or <URI> in ${where}`);
    if (skipWs(s, i, comma) === comma) fail(`empty element in ${where}`);
    out.push(parseNameAddr(s, i, comma, where));
    if (comma === end) return;
    i = comma + 1;
  }
}
