import { type AuthParams, parseAuthParams } from './auth-params';
import { type CSeq, parseCSeq } from './cseq';
import { fail } from './errors';
import { type EventHeader, type SubscriptionState, parseEvent, parseSubscriptionState } from './event';
import { ParsedField } from './header-field';
import { canonicalName, isKnownName, isListHeader, sameName } from './header-names';
import { NameAddr, parseNameAddr, parseNameAddrLine } from './name-addr';
import { type MediaType, parseMediaType } from './media-type';
import { parseBoundedInt, parseDeltaSeconds } from './numbers';
import { type ReasonValue, parseReasonValues } from './reason-header';
import { type RAck, parseRAck, parseRSeq } from './reliable-provisional';
import { type Replaces, parseReplaces } from './replaces';
import { type RetryAfter, parseRetryAfter } from './retry-after';
import { splitCommas } from './scanner';
import { type SessionExpires, parseMinSE, parseSessionExpires } from './session-timer';
import { SipUri } from './uri';
import { utf8Length } from './utf8';
import { type Via, parseViaLine } from './via';

/** One header line; `name` is canonical (compact forms expanded). */
export interface HeaderField {
  name: string;
  value: string;
}

export type HeaderInput = readonly (readonly [string, string])[] | readonly HeaderField[];

function toFields(input: HeaderInput | undefined): HeaderField[] {
  if (input === undefined) return [];
  return input.map((h: readonly [string, string] | HeaderField) =>
    isTuple(h) ? { name: canonicalName(h[0]), value: h[1] } : { name: canonicalName(h.name), value: h.value },
  );
}

function isTuple(h: readonly [string, string] | HeaderField): h is readonly [string, string] {
  return Array.isArray(h);
}

/**
 * Headers, body and typed header access shared by requests and responses. Typed getters
 * parse on first use and cache; set/append/prepend/remove drop the cache of the header
 * they touch. Edit `headers` through those methods, not in place, to keep caches right.
 */
export abstract class SipMessageBase {
  headers: HeaderField[];
  body: string;
  readonly #cache = new Map<string, unknown>();
  // The headers every message has, which the parser checks and the UA reads for every
  // message, are cached in fields: cheaper than the map. undefined = not parsed yet.
  #via: Via[] | undefined;
  #from: NameAddr | undefined;
  #to: NameAddr | undefined;
  #callId: string | undefined;
  #cseq: CSeq | undefined;

  constructor(headers?: HeaderInput, body = '') {
    this.headers = toFields(headers);
    this.body = body;
  }

  // ---- raw access -------------------------------------------------------------------

  #indexOf(canonical: string, from = 0): number {
    const headers = this.headers;
    if (isKnownName(canonical)) return this.#indexOfKnown(canonical, from);
    const lower = canonical.toLowerCase();
    for (let i = from; i < headers.length; i++) if (sameName(headers[i]!.name, canonical, lower)) return i;
    return -1;
  }

  /** #indexOf for a name this module knows, which every line of it carries canonically. */
  #indexOfKnown(canonical: string, from = 0): number {
    const headers = this.headers;
    for (let i = from; i < headers.length; i++) if (headers[i]!.name === canonical) return i;
    return -1;
  }

  // The typed getters name known headers canonically, so they skip the name lookups of get().
  #valueOf(canonical: string): string | undefined {
    const i = this.#indexOfKnown(canonical);
    return i < 0 ? undefined : this.headers[i]!.value;
  }

  #linesOf(canonical: string): string[] {
    const out: string[] = [];
    for (let i = this.#indexOfKnown(canonical); i >= 0; i = this.#indexOfKnown(canonical, i + 1)) out.push(this.headers[i]!.value);
    return out;
  }

  /** The first line's raw value. */
  get(name: string): string | undefined {
    const i = this.#indexOf(canonicalName(name));
    return i < 0 ? undefined : this.headers[i]!.value;
  }

  /** Each line's raw value, without splitting comma lists. */
  getLines(name: string): string[] {
    const canonical = canonicalName(name);
    const out: string[] = [];
    for (let i = this.#indexOf(canonical); i >= 0; i = this.#indexOf(canonical, i + 1)) out.push(this.headers[i]!.value);
    return out;
  }

  /** Every value; comma lists are split for list headers (Via, Contact, Route, Allow…). */
  getAll(name: string): string[] {
    const canonical = canonicalName(name);
    const lines = this.getLines(canonical);
    if (!isListHeader(canonical)) return lines;
    const out: string[] = [];
    for (const line of lines) {
      const parts = splitCommas(line);
      if (parts === undefined) out.push(line);
      else for (const part of parts) if (part.length > 0) out.push(part);
    }
    return out;
  }

  has(name: string): boolean {
    return this.#indexOf(canonicalName(name)) >= 0;
  }

  /** Replaces every line of the header with one line, at the position of the first. */
  set(name: string, value: string): void {
    const canonical = canonicalName(name);
    const first = this.#indexOf(canonical);
    if (first < 0) this.headers.push({ name: canonical, value });
    else {
      this.#removeFrom(canonical, first + 1);
      this.headers[first] = { name: canonical, value };
    }
    this.#forget(canonical);
  }

  append(name: string, value: string): void {
    const canonical = canonicalName(name);
    this.headers.push({ name: canonical, value });
    this.#forget(canonical);
  }

  /** Adds a line before the first of that name (or at the top): a new Via or Route goes first. */
  prepend(name: string, value: string): void {
    const canonical = canonicalName(name);
    const first = this.#indexOf(canonical);
    this.headers.splice(first < 0 ? 0 : first, 0, { name: canonical, value });
    this.#forget(canonical);
  }

  remove(name: string): void {
    const canonical = canonicalName(name);
    this.#removeFrom(canonical, 0);
    this.#forget(canonical);
  }

  #removeFrom(canonical: string, from: number): void {
    for (let i = this.#indexOf(canonical, from); i >= 0; i = this.#indexOf(canonical, i)) this.headers.splice(i, 1);
  }

  // ---- typed access -----------------------------------------------------------------

  /** Drops what was parsed from header `canonical`. */
  #forget(canonical: string): void {
    switch (canonical) {
      case 'Via': this.#via = undefined; break;
      case 'From': this.#from = undefined; break;
      case 'To': this.#to = undefined; break;
      case 'Call-ID': this.#callId = undefined; break;
      case 'CSeq': this.#cseq = undefined; break;
      default: this.#cache.delete(canonical);
    }
  }

  /** Parses header `canonical` once with `parse` and caches the result (even undefined). */
  protected typed<T>(canonical: string, parse: () => T): T {
    if (this.#cache.has(canonical)) return this.#cache.get(canonical) as T;
    const value = parse();
    this.#cache.set(canonical, value);
    return value;
  }

  /** The single value of a required header, or a SipParseError naming it. */
  protected required(canonical: string): string {
    const value = this.#valueOf(canonical);
    if (value === undefined) fail(`missing ${canonical}`);
    return value;
  }

  get via(): Via[] {
    return (this.#via ??= this.#parseLines('Via', parseViaLine));
  }

  /**
   * Parses every line of list header `canonical` (known to this module) with `parseLine`,
   * which appends its elements to `out`; lines are scanned in place (see ParsedField).
   */
  #parseLines<T>(canonical: string, parseLine: (s: string, start: number, end: number, out: T[]) => void): T[] {
    const out: T[] = [];
    for (const h of this.headers) {
      if (h.name !== canonical) continue;
      const start = ParsedField.start(h);
      parseLine(ParsedField.text(h), start, start + h.value.length, out);
    }
    return out;
  }

  get from(): NameAddr {
    return (this.#from ??= this.#address('From'));
  }

  get to(): NameAddr {
    return (this.#to ??= this.#address('To'));
  }

  #address(canonical: string): NameAddr {
    const i = this.#indexOfKnown(canonical);
    if (i < 0) fail(`missing ${canonical}`);
    const h = this.headers[i]!;
    const start = ParsedField.start(h);
    return parseNameAddr(ParsedField.text(h), start, start + h.value.length, canonical);
  }

  get callId(): string {
    return (this.#callId ??= this.required('Call-ID'));
  }

  get cseq(): CSeq {
    return (this.#cseq ??= parseCSeq(this.required('CSeq')));
  }

  /** Every address on every line of a list header this module knows. */
  #addresses(canonical: string): NameAddr[] {
    return this.#parseLines<NameAddr>(canonical, (s, start, end, out) => parseNameAddrLine(s, start, end, canonical, out));
  }

  /** Contact addresses; [] when absent or "*". */
  get contact(): NameAddr[] {
    return this.typed('Contact', () => (this.isContactStar ? [] : this.#addresses('Contact')));
  }

  /** Contact: * (REGISTER removing every binding, RFC 3261 §10.2.2). */
  get isContactStar(): boolean {
    const first = this.#indexOfKnown('Contact');
    return first >= 0 && this.headers[first]!.value === '*' && this.#indexOfKnown('Contact', first + 1) < 0;
  }

  get route(): NameAddr[] {
    return this.typed('Route', () => this.#addresses('Route'));
  }

  get recordRoute(): NameAddr[] {
    return this.typed('Record-Route', () => this.#addresses('Record-Route'));
  }

  get maxForwards(): number | undefined {
    return this.#optional('Max-Forwards', (value) => parseBoundedInt(value, 255, 'Max-Forwards'));
  }

  get expires(): number | undefined {
    return this.#optional('Expires', (value) => parseDeltaSeconds(value, 'Expires'));
  }

  /** "application/sdp": lower-case type/subtype without parameters. */
  get contentType(): string | undefined {
    return this.mediaType?.type;
  }

  /** Content-Type with its parameters (boundary, charset…). */
  get mediaType(): MediaType | undefined {
    return this.#optional('Content-Type', parseMediaType);
  }

  get supported(): string[] {
    return this.typed('Supported', () => this.getAll('Supported'));
  }

  get require(): string[] {
    return this.typed('Require', () => this.getAll('Require'));
  }

  get allow(): string[] {
    return this.typed('Allow', () => this.getAll('Allow'));
  }

  get unsupported(): string[] {
    return this.typed('Unsupported', () => this.getAll('Unsupported'));
  }

  get proxyRequire(): string[] {
    return this.typed('Proxy-Require', () => this.getAll('Proxy-Require'));
  }

  get allowEvents(): string[] {
    return this.typed('Allow-Events', () => this.getAll('Allow-Events'));
  }

  // ---- less critical headers: parsed on first use, SipParseError when malformed ------

  /** Typed value of the first line of an optional header, cached. */
  #optional<T>(canonical: string, parse: (value: string) => T): T | undefined {
    return this.typed(canonical, () => {
      const value = this.#valueOf(canonical);
      return value === undefined ? undefined : parse(value);
    });
  }

  #optionalAddress(canonical: string): NameAddr | undefined {
    return this.#optional(canonical, (value) => parseNameAddr(value, 0, value.length, canonical));
  }

  /** Challenges or credentials of WWW-/Proxy-Authenticate or (Proxy-)Authorization, one per line. */
  authHeaders(name: 'WWW-Authenticate' | 'Proxy-Authenticate' | 'Authorization' | 'Proxy-Authorization'): AuthParams[] {
    return this.typed(name, () => this.getLines(name).map(parseAuthParams));
  }

  get event(): EventHeader | undefined {
    return this.#optional('Event', parseEvent);
  }

  get subscriptionState(): SubscriptionState | undefined {
    return this.#optional('Subscription-State', parseSubscriptionState);
  }

  get referTo(): NameAddr | undefined {
    return this.#optionalAddress('Refer-To');
  }

  get referredBy(): NameAddr | undefined {
    return this.#optionalAddress('Referred-By');
  }

  get replaces(): Replaces | undefined {
    return this.#optional('Replaces', parseReplaces);
  }

  get sessionExpires(): SessionExpires | undefined {
    return this.#optional('Session-Expires', parseSessionExpires);
  }

  get minSE(): number | undefined {
    return this.#optional('Min-SE', parseMinSE);
  }

  get rseq(): number | undefined {
    return this.#optional('RSeq', parseRSeq);
  }

  get rack(): RAck | undefined {
    return this.#optional('RAck', parseRAck);
  }

  get pAssertedIdentity(): NameAddr[] {
    return this.typed('P-Asserted-Identity', () => this.#addresses('P-Asserted-Identity'));
  }

  /** Reason header values (RFC 3326); `reason` on a response is its reason phrase. */
  get reasonValues(): ReasonValue[] {
    return this.typed('Reason', () => parseReasonValues(this.#linesOf('Reason')));
  }

  get retryAfter(): RetryAfter | undefined {
    return this.#optional('Retry-After', parseRetryAfter);
  }

  get minExpires(): number | undefined {
    return this.#optional('Min-Expires', (value) => parseDeltaSeconds(value.trim(), 'Min-Expires'));
  }

  // ---- serialization ----------------------------------------------------------------

  protected abstract startLine(): string;

  /** The message as sent: Content-Length is the UTF-8 byte length of `body`. */
  toString(): string {
    let out = this.startLine() + '\r\n';
    let wroteLength = false;
    for (const h of this.headers) {
      if (h.name === 'Content-Length') {
        if (!wroteLength) out += `Content-Length: ${utf8Length(this.body)}\r\n`;
        wroteLength = true;
      } else out += `${h.name}: ${h.value}\r\n`;
    }
    if (!wroteLength) out += `Content-Length: ${utf8Length(this.body)}\r\n`;
    return out + '\r\n' + this.body;
  }
}

export class SipRequest extends SipMessageBase {
  method: string;
  uri: SipUri;

  constructor(method: string, uri: SipUri | string, headers?: HeaderInput, body?: string) {
    super(headers, body);
    this.method = method;
    this.uri = typeof uri === 'string' ? SipUri.parse(uri) : uri;
  }

  protected startLine(): string {
    return `${this.method} ${this.uri.toString()} SIP/2.0`;
  }
}

export class SipResponse extends SipMessageBase {
  status: number;
  reason: string;

  constructor(status: number, reason: string, headers?: HeaderInput, body?: string) {
    super(headers, body);
    this.status = status;
    this.reason = reason;
  }

  protected startLine(): string {
    return `SIP/2.0 ${this.status} ${this.reason}`;
  }
}

export type SipMessage = SipRequest | SipResponse;
