import { HEX, HOST, TOKEN, isDigits, isIn } from './char-classes';
import { fail } from './errors';
import { formatHeaderParams, parseHeaderParams } from './header-params';
import { skipWs, splitCommas } from './scanner';

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

/** Parses one via-parm; throws SipParseError when malformed. */
export function parseVia(s: string, start = 0, end = s.length): Via {
  let i = skipWs(s, start, end);
  let j = scanToken(s, i, end);
  if (s.slice(i, j).toUpperCase() !== 'SIP') fail('bad Via sent-protocol');
  i = expectSlash(s, j, end);
  j = scanToken(s, i, end);
  if (s.slice(i, j) !== '2.0') fail(`unsupported Via protocol version "${s.slice(i, j)}"`);
  i = expectSlash(s, j, end);
  j = scanToken(s, i, end);
  if (j === i) fail('Via without a transport');
  const transport = s.slice(i, j).toUpperCase();
  i = skipWs(s, j, end);
  if (i === j) fail('Via without a sent-by host');
  const hostStart = i;
  if (i < end && s.charCodeAt(i) === 0x5b) {
    i++;
    while (i < end && (isIn(HEX, s.charCodeAt(i)) || s.charCodeAt(i) === 0x3a || s.charCodeAt(i) === 0x2e)) i++;
    if (i >= end || s.charCodeAt(i) !== 0x5d) fail('bad IPv6 reference in Via');
    i++;
  } else {
    while (i < end && isIn(HOST, s.charCodeAt(i))) i++;
  }
  if (i === hostStart) fail('Via without a sent-by host');
  const via = new ParsedVia(transport, s.slice(hostStart, i).toLowerCase(), new Map());
  const k = skipWs(s, i, end);
  if (k < end && s.charCodeAt(k) === 0x3a) {
    const p = skipWs(s, k + 1, end);
    i = p;
    while (i < end && i - p < 6 && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
    const port = Number(s.slice(p, i));
    if (i === p || port > 65535) fail('bad port in Via');
    via.port = port;
  }
  i = parseHeaderParams(s, i, end, via.params, 'Via');
  if (i < end) fail(`unexpected "${s[i]}" in Via`);
  checkViaParams(via.params);
  return via;
}

function checkViaParams(params: Map<string, string | null>): void {
  const branch = params.get('branch');
  if (branch !== undefined && (branch === null || branch.charCodeAt(0) === 0x22)) fail('bad Via branch');
  const ttl = params.get('ttl');
  if (ttl !== undefined && (ttl === null || !isDigits(ttl) || Number(ttl) > 255)) fail('bad Via ttl');
  const rport = params.get('rport');
  if (rport !== undefined && rport !== null && (!isDigits(rport) || Number(rport) > 65535)) fail('bad Via rport');
}

/** Every via-parm of the given Via header lines, top first. */
export function parseViaList(values: readonly string[]): Via[] {
  const out: Via[] = [];
  for (const value of values) {
    const parts = splitCommas(value);
    if (parts === undefined) fail('unterminated quoted string in Via');
    for (const part of parts) {
      if (part.length === 0) fail('empty element in Via');
      out.push(parseVia(part));
    }
  }
  return out;
}
