import { HEX, HOST, TOKEN, isDigits, isIn } from './char-classes';
import { fail } from './errors';
import { formatHeaderParams, parseHeaderParams } from './header-params';
import { skipWs } from './scanner';

/** One via-parm (RFC 3261 §20.42): sent-protocol, sent-by and parameters. */
export interface Via {
  transport: string; // "WS", "WSS", "UDP"… upper-case
  host: string;
  port?: number;
  params: Map<string, string | null>;
  readonly branch?: string;
}

/** The Via the parser builds; `branch` reads through to the parameter map. */
class ParsedVia implements Via {
  port?: number;

  constructor(
    public transport: string,
    public host: string,
    public params: Map<string, string | null>,
  ) {}

  get branch(): string | undefined {
    return this.params.get('branch') ?? undefined;
  }
}

/** Builds a Via for an outgoing request; the branch must carry the z9hG4bK cookie (§8.1.1.7). */
export function createVia(transport: string, host: string, branch: string, port?: number): Via {
  const via = new ParsedVia(transport.toUpperCase(), host.toLowerCase(), new Map([['branch', branch]]));
  if (port !== undefined) via.port = port;
  return via;
}

/** "SIP/2.0/WS abc.invalid;branch=z9hG4bK…" */
export function formatVia(v: Via): string {
  let out = `SIP/2.0/${v.transport} ${v.host}`;
  if (v.port !== undefined) out += `:${v.port}`;
  if (v.branch !== undefined && !v.params.has('branch')) out += `;branch=${v.branch}`;
  return out + formatHeaderParams(v.params);
}

function scanToken(s: string, i: number, end: number): number {
  while (i < end && isIn(TOKEN, s.charCodeAt(i))) i++;
  return i;
}

/** SWS "/" SWS between the sent-protocol parts. */
function expectSlash(s: string, i: number, end: number): number {
  i = skipWs(s, i, end);
  if (i >= end || s.charCodeAt(i) !== 0x2f) fail('bad Via sent-protocol');
  return skipWs(s, i + 1, end);
}

/** Whether s[i, j) spells `upper` in any case (ASCII letters, digits and "-"). */
function spells(s: string, i: number, j: number, upper: string): boolean {
  if (j - i !== upper.length) return false;
  for (let k = 0; k < upper.length; k++) {
    const c = s.charCodeAt(i + k);
    if (c !== upper.charCodeAt(k) && (c & ~0x20) !== upper.charCodeAt(k)) return false;
  }
  return true;
}

// The transports seen in practice, matched in place so that no upper-cased copy is made.
const TRANSPORTS = ['UDP', 'TCP', 'TLS', 'WS', 'WSS', 'SCTP'];

function transportAt(s: string, i: number, j: number): string {
  for (const t of TRANSPORTS) if (spells(s, i, j, t)) return t;
  return s.slice(i, j).toUpperCase();
}

/** Parses one via-parm; throws SipParseError when malformed. */
export function parseVia(s: string, start = 0, end = s.length): Via {
  const out: Via[] = [];
  const i = readVia(s, start, end, out);
  if (i < end) fail(`unexpected "${s[i]}" in Via`);
  return out[0]!;
}

/**
 * Reads the via-parm at s[start, end) into `out` and returns where it stops: at `end`,
 * or at what follows it (a comma in a list), so a Via line is parsed in place.
 */
function readVia(s: string, start: number, end: number, out: Via[]): number {
  let i = skipWs(s, start, end);
  let j = scanToken(s, i, end);
  if (!spells(s, i, j, 'SIP')) fail('bad Via sent-protocol');
  i = expectSlash(s, j, end);
  j = scanToken(s, i, end);
  if (j - i !== 3 || s.charCodeAt(i) !== 0x32 || s.charCodeAt(i + 1) !== 0x2e || s.charCodeAt(i + 2) !== 0x30) {
    fail(`unsupported Via protocol version "${s.slice(i, j)}"`);
  }
  i = expectSlash(s, j, end);
  j = scanToken(s, i, end);
  if (j === i) fail('Via without a transport');
  const transport = transportAt(s, i, j);
  i = skipWs(s, j, end);
  if (i === j) fail('Via without a sent-by host');
  const hostStart = i;
  let host: string;
  if (i < end && s.charCodeAt(i) === 0x5b) {
    i++;
    while (i < end && (isIn(HEX, s.charCodeAt(i)) || s.charCodeAt(i) === 0x3a || s.charCodeAt(i) === 0x2e)) i++;
    if (i >= end || s.charCodeAt(i) !== 0x5d) fail('bad IPv6 reference in Via');
    i++;
    host = s.slice(hostStart, i).toLowerCase();
  } else {
    let upper = false;
    for (; i < end; i++) {
      const c = s.charCodeAt(i);
      if (!isIn(HOST, c)) break;
      if (c <= 0x5a && c >= 0x41) upper = true;
    }
    if (i === hostStart) fail('Via without a sent-by host');
    // Addresses and most names arrive in lower case already: copy only when needed.
    host = upper ? s.slice(hostStart, i).toLowerCase() : s.slice(hostStart, i);
  }
  const via = new ParsedVia(transport, host, new Map());
  const k = skipWs(s, i, end);
  if (k < end && s.charCodeAt(k) === 0x3a) {
    const p = skipWs(s, k + 1, end);
    let port = 0;
    for (i = p; i < end && i - p < 6; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x30 || c > 0x39) break;
      port = port * 10 + (c - 0x30);
    }
    if (i === p || port > 65535) fail('bad port in Via');
    via.port = port;
  }
  i = parseHeaderParams(s, i, end, via.params, 'Via');
  checkViaParams(via.params);
  out.push(via);
  return i;
}

function checkViaParams(params: Map<string, string | null>): void {
  const branch = params.get('branch');
  if (branch !== undefined && (branch === null || branch.charCodeAt(0) === 0x22)) fail('bad Via branch');
  const ttl = params.get('ttl');
  if (ttl !== undefined && (ttl === null || !isDigits(ttl) || Number(ttl) > 255)) fail('bad Via ttl');
  const rport = params.get('rport');
  if (rport !== undefined && rport !== null && (!isDigits(rport) || Number(rport) > 65535)) fail('bad Via rport');
}

/** Appends to `out` every via-parm of the Via line value s[start, end), top first. */
export function parseViaLine(s: string, start: number, end: number, out: Via[]): void {
  let i = start;
  for (;;) {
    i = skipWs(s, i, end);
    if (i === end || s.charCodeAt(i) === 0x2c) fail('empty element in Via');
    i = readVia(s, i, end, out);
    if (i === end) return;
    if (s.charCodeAt(i) !== 0x2c) fail(`unexpected "${s[i]}" in Via`);
    i++;
  }
}
