import { TOKEN, isDigits, isIn } from './char-classes';
import { SipParseError, fail } from './errors';
import { foldHash, knownNameAt } from './header-names';
import { ParsedField } from './header-field';
import { type HeaderField, type SipMessage, SipRequest, SipResponse } from './message';
import { parseBoundedInt } from './numbers';
import { isWs, skipWs, trimEnd } from './scanner';
import { parseUri } from './uri';
import { utf8Length } from './utf8';

export interface ParseOptions {
  /**
   * The string holds one octet per character (a binary WebSocket frame decoded as
   * Latin-1, RFC 7118 §5), so Content-Length counts characters instead of UTF-8 bytes.
   */
  byteString?: boolean;
}

/** Content-Length is a 32-bit quantity in practice; anything longer cannot match a frame. */
const MAX_CONTENT_LENGTH = 2 ** 31 - 1;

/**
 * Parses one SIP message: one WebSocket frame holds exactly one message (RFC 7118 §5),
 * so the body must match Content-Length exactly, and runs to the end when it is absent.
 * Throws only SipParseError.
 */
export function parseMessage(text: string, options?: ParseOptions): SipMessage {
  try {
    return parse(text, options?.byteString === true);
  } catch (error) {
    if (error instanceof SipParseError) throw error;
    throw new SipParseError(`internal parser failure (${error instanceof Error ? error.message : 'unknown'})`);
  }
}

function parse(text: string, byteString: boolean): SipMessage {
  const len = text.length;
  let pos = 0;
  // RFC 3261 §7.5: CRLFs before the start line are ignored.
  while (pos < len && (text.charCodeAt(pos) === 0x0d || text.charCodeAt(pos) === 0x0a)) pos++;
  if (pos >= len) fail('empty message');

  let nl = text.indexOf('\n', pos);
  if (nl < 0) fail('message ends inside the start line');
  let lineEnd = nl > pos && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
  let nextCr = text.indexOf('\r', pos);
  if (nextCr >= 0 && nextCr < lineEnd) fail('stray CR in the start line');
  const startLine = pos;
  const startLineEnd = lineEnd;

  const headers: HeaderField[] = [];
  pos = nl + 1;
  let bodyStart = len;
  for (;;) {
    // The frame boundary also ends the headers: a frame whose last header line is
    // complete but lacks the blank line is taken as a message without a body.
    if (pos >= len) break;
    nl = text.indexOf('\n', pos);
    if (nl < 0) fail('message ends inside a header line');
    lineEnd = nl > pos && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
    if (lineEnd === pos) {
      bodyStart = nl + 1;
      break;
    }
    if (isWs(text.charCodeAt(pos))) fail('continuation line without a header before it');
    if (nextCr < pos && nextCr !== -1) nextCr = text.indexOf('\r', pos);
    if (nextCr >= 0 && nextCr < lineEnd) fail('stray CR inside a header line');

    // The name is read with char codes and hashed on the way, so a known name resolves to
    // its canonical string without a slice or a lower-cased copy.
    let nameEnd = pos;
    let hash = 0;
    for (; nameEnd < lineEnd; nameEnd++) {
      const c = text.charCodeAt(nameEnd);
      if (!isIn(TOKEN, c)) break;
      hash = foldHash(hash, c);
    }
    const colon = skipWs(text, nameEnd, lineEnd);
    if (nameEnd === pos || colon === lineEnd || text.charCodeAt(colon) !== 0x3a) nameFault(text, pos, lineEnd);
    const name = knownNameAt(text, pos, nameEnd, hash) ?? text.slice(pos, nameEnd);

    const valueStart = skipWs(text, colon + 1, lineEnd);
    let value = text.slice(valueStart, trimEnd(text, colon + 1, lineEnd));
    let frame = text; // where typed parsers will scan the value: a folded one is its own
    // Line folding (RFC 3261 §7.3.1): a line starting with SP/HT continues the value;
    // the CRLF and surrounding whitespace count as a single SP.
    while (nl + 1 < len && isWs(text.charCodeAt(nl + 1))) {
      const contStart = nl + 1;
      nl = text.indexOf('\n', contStart);
      if (nl < 0) fail('message ends inside a header line');
      lineEnd = text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
      if (nextCr < contStart && nextCr !== -1) nextCr = text.indexOf('\r', contStart);
      if (nextCr >= 0 && nextCr < lineEnd) fail('stray CR inside a header line');
      const from = skipWs(text, contStart, lineEnd);
      if (from < lineEnd) {
        const part = text.slice(from, trimEnd(text, from, lineEnd));
        value = value.length === 0 ? part : `${value} ${part}`;
      }
      frame = value;
    }
    headers.push(new ParsedField(name, value, frame, frame === text ? valueStart : 0));
    pos = nl + 1;
  }

  const message = isStatusLine(text, startLine, startLineEnd)
    ? parseStatusLine(text.slice(startLine, startLineEnd))
    : parseRequestLine(text, startLine, startLineEnd);
  message.headers = headers;
  message.body = frameBody(text, bodyStart, countHeaders(headers), byteString);
  validate(message);
  return message;
}

/** Names what is wrong with a header line whose name is not token SWS ":". */
function nameFault(text: string, pos: number, lineEnd: number): never {
  const colon = text.indexOf(':', pos);
  if (colon < 0 || colon > lineEnd) fail(`header line without a colon: "${text.slice(pos, Math.min(lineEnd, pos + 40))}"`);
  const nameEnd = trimEnd(text, pos, colon);
  for (let k = pos; k < nameEnd; k++) {
    if (!isIn(TOKEN, text.charCodeAt(k))) fail(`bad header name "${text.slice(pos, nameEnd)}"`);
  }
  fail('empty header name');
}

/** Whether the line text[start, end) starts with "SIP/" in any case. */
function isStatusLine(text: string, start: number, end: number): boolean {
  return (
    end - start >= 4 &&
    (text.charCodeAt(start) | 0x20) === 0x73 &&
    (text.charCodeAt(start + 1) | 0x20) === 0x69 &&
    (text.charCodeAt(start + 2) | 0x20) === 0x70 &&
    text.charCodeAt(start + 3) === 0x2f
  );
}

function checkVersion(version: string, where: string): void {
  if (version === 'SIP/2.0' || version.toUpperCase() === 'SIP/2.0') return;
  fail(`unsupported SIP version "${version}" in the ${where}`);
}

function parseStatusLine(line: string): SipResponse {
  const sp = line.indexOf(' ');
  if (sp < 0) fail('status line without a status code');
  checkVersion(line.slice(0, sp), 'status line');
  let codeEnd = line.indexOf(' ', sp + 1);
  if (codeEnd < 0) codeEnd = line.length;
  const code = line.slice(sp + 1, codeEnd);
  if (code.length !== 3 || !isDigits(code) || code.charCodeAt(0) < 0x31 || code.charCodeAt(0) > 0x36) {
    fail(`status code "${code.slice(0, 20)}" is not three digits from 100 to 699`);
  }
  return new SipResponse(Number(code), line.slice(codeEnd + 1));
}

/** The request line text[start, end), read in the frame so the Request-URI is not copied first. */
function parseRequestLine(text: string, start: number, end: number): SipRequest {
  let sp1 = text.indexOf(' ', start);
  if (sp1 >= end) sp1 = -1;
  if (sp1 <= start) fail(sp1 === start ? 'request line starts with whitespace' : 'request line without a Request-URI');
  for (let k = start; k < sp1; k++) if (!isIn(TOKEN, text.charCodeAt(k))) fail(`bad method "${text.slice(start, sp1)}"`);
  const method = text.slice(start, sp1);
  if (isWs(text.charCodeAt(end - 1))) fail('whitespace after the SIP version in the request line');
  const sp2 = text.lastIndexOf(' ', end - 1);
  if (sp2 === sp1) fail('request line without a SIP version');
  checkVersion(text.slice(sp2 + 1, end), 'request line');
  const uriStart = sp1 + 1;
  if (uriStart === sp2 || isWs(text.charCodeAt(uriStart))) fail('more than one SP between request-line elements');
  for (let k = uriStart; k < sp2; k++) if (isWs(text.charCodeAt(k))) fail('whitespace inside the Request-URI');
  if (text.charCodeAt(uriStart) === 0x3c) fail('Request-URI enclosed in <>');
  const uri = parseUri(text, uriStart, sp2);
  // RFC 3261 §19.1.1: the headers component is not allowed in a Request-URI.
  if (uri.headers.size > 0) fail('Request-URI carries URI headers');
  return new SipRequest(method, uri);
}

function frameBody(text: string, bodyStart: number, lengthValue: string | undefined, byteString: boolean): string {
  if (lengthValue === undefined) return text.slice(bodyStart);
  const declared = parseBoundedInt(lengthValue, MAX_CONTENT_LENGTH, 'Content-Length');
  const actual = byteString ? text.length - bodyStart : utf8Length(text, bodyStart);
  if (actual < declared) fail(`Content-Length ${declared} but body has ${actual} bytes`);
  if (actual > declared) fail(`${actual - declared} bytes beyond Content-Length ${declared}`);
  return text.slice(bodyStart);
}

/**
 * Required headers present, single-value headers not repeated (RFC 3261 §7.3, §8.1.1).
 * Returns the Content-Length value, found on the way.
 */
function countHeaders(headers: readonly HeaderField[]): string | undefined {
  let via = 0, from = 0, to = 0, callId = 0, cseq = 0, maxForwards = 0, contentLength = 0;
  let length: string | undefined;
  for (const h of headers) {
    switch (h.name) {
      case 'Via': via++; break;
      case 'From': from++; break;
      case 'To': to++; break;
      case 'Call-ID': callId++; break;
      case 'CSeq': cseq++; break;
      case 'Max-Forwards': maxForwards++; break;
      case 'Content-Length': contentLength++; length = h.value; break;
    }
  }
  if (callId === 0) fail('missing Call-ID');
  if (cseq === 0) fail('missing CSeq');
  if (from === 0) fail('missing From');
  if (to === 0) fail('missing To');
  if (via === 0) fail('missing Via');
  if (callId > 1) fail('more than one Call-ID header');
  if (cseq > 1) fail('more than one CSeq header');
  if (from > 1) fail('more than one From header');
  if (to > 1) fail('more than one To header');
  if (maxForwards > 1) fail('more than one Max-Forwards header');
  if (contentLength > 1) fail('more than one Content-Length header');
  return length;
}

/** Eager checks of what the transaction layer and UA must be able to trust. */
function validate(message: SipMessage): void {
  // Each getter parses and caches, so the UA reads these again for free.
  void message.via;
  void message.from;
  void message.to;
  const id = message.callId;
  if (id.length === 0) fail('empty Call-ID');
  if (id.indexOf(' ') >= 0 || id.indexOf('\t') >= 0) fail('whitespace inside Call-ID');
  const { method } = message.cseq;
  void message.maxForwards;
  void message.expires;
  if (message instanceof SipRequest) {
    if (method !== message.method) fail(`CSeq method ${method} does not match request method ${message.method}`);
    void message.contact;
  }
}
