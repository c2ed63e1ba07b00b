/**
 * Scanner for the auth-param syntax shared by WWW-Authenticate, Proxy-Authenticate, Authorization and
 * Proxy-Authorization (RFC 3261 §25.1, RFC 7235 §2.1):
 *
 *   value     = element *( "," element )          empty elements allowed: ", ,"
 *   element   = scheme [ 1*SP ( token68 / param *( "," param ) ) ]
 *   param     = token BWS "=" BWS ( token / quoted-string )   (bare values read leniently)
 *
 * One header line may carry several challenges ("Digest …, Digest …"): a token that is not followed by
 * "=" starts a new element. Kept here, self-contained, so auth does not depend on the message layer.
 */

/** One challenge or credential: its scheme as written and its parameters (names lower-case, values unquoted). */
export interface AuthElement {
  scheme: string;
  params: Map<string, string>;
  /** The opaque token68 form some schemes use instead of parameters ("Basic dXNlcjpwYXNz"). */
  token68?: string;
}

// RFC 7230 §3.2.6 tchar; a superset of the SIP token characters of RFC 3261 §25.1.
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/;
// Lenient on unquoted values: servers write bare base64 nonces ("nonce=ab/c+d=="), which are not tokens.
const UNQUOTED_VALUE_CHAR = /[^ \t\r\n,"]/;
const WHITESPACE = /[ \t\r\n]/;
// Values are echoed into headers we send: a line break or NUL there would let a peer inject header lines.
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): string {
    return this.text.charAt(this.pos);
  }

  skipWhitespace(): number {
    const start = this.pos;
    while (!this.done && WHITESPACE.test(this.peek())) this.pos++;
    return this.pos - start;
  }

  readWhile(pattern: RegExp): string {
    const start = this.pos;
    while (!this.done && pattern.test(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** quoted-string with quoted-pair escapes (RFC 3261 §25.1); undefined when unterminated. */
  readQuoted(): string | undefined {
    this.pos++; // opening quote
    let out = '';
    while (!this.done) {
      const c = this.peek();
      this.pos++;
      if (c === '"') return out;
      if (c === '\\') {
        if (this.done) return undefined;
        out += this.peek();
        this.pos++;
      } else {
        out += c;
      }
    }
    return undefined;
  }

  /** True at the end of the text or at a list comma, after optional whitespace. */
  atElementEnd(): boolean {
    this.skipWhitespace();
    return this.done || this.peek() === ',';
  }
}

/**
 * Splits a header value into its challenges or credentials. Returns undefined when the syntax is broken
 * (unterminated quote, a parameter without a value, stray characters, a repeated parameter — RFC 7235
 * §2.1 allows each name once — or a line break inside a value).
 */
export function scanAuthHeader(value: string): AuthElement[] | undefined {
  const cur = new Cursor(value);
  const elements: AuthElement[] = [];
  let current: AuthElement | undefined;

  for (;;) {
    while (!cur.done && (WHITESPACE.test(cur.peek()) || cur.peek() === ',')) cur.pos++;
    if (cur.done) return elements;

    const name = cur.readWhile(TOKEN_CHAR);
    if (!name) return undefined;
    const spaced = cur.skipWhitespace() > 0;

    if (current && cur.peek() === '=') {
      cur.pos++;
      cur.skipWhitespace();
      const paramValue = cur.peek() === '"' ? cur.readQuoted() : cur.readWhile(UNQUOTED_VALUE_CHAR);
      if (paramValue === undefined || FORBIDDEN_IN_VALUE.test(paramValue)) return undefined;
      const key = name.toLowerCase();
      if (current.params.has(key)) return undefined;
      current.params.set(key, paramValue);
      if (!cur.atElementEnd()) return undefined;
      continue;
    }

    current = { scheme: name, params: new Map() };
    elements.push(current);
    if (!spaced || cur.done || cur.peek() === ',') continue;

    // token68 only when nothing but "=" padding follows it before the next comma; otherwise the word
    // after the scheme is the first parameter name and the loop reads it.
    const mark = cur.pos;
    const token68 = cur.readWhile(TOKEN68_CHAR) + cur.readWhile(/=/);
    if (token68 && cur.atElementEnd()) current.token68 = token68;
    else cur.pos = mark;
  }
}

/** A quoted-string for a header: backslash and double quote escaped (RFC 3261 §25.1 quoted-pair). */
export function quoteString(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/** Whether a value may be written into a header: no CR, LF or NUL. */
export function isHeaderSafe(value: string): boolean {
  return !FORBIDDEN_IN_VALUE.test(value);
}
