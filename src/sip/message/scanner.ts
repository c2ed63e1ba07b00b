/**
 * Index-based scanning primitives shared by the header parsers. Every loop advances at
 * least one character per step, so parsing stays linear in the input length.
 */

const SP = 0x20;
const HT = 0x09;
const DQUOTE = 0x22;
const BACKSLASH = 0x5c;

export function isWs(c: number): boolean {
  return c === SP || c === HT;
}

/** Index of the first non-SP/HT character at or after `i` (folding is undone before this). */
export function skipWs(s: string, i: number, end = s.length): number {
  while (i < end && isWs(s.charCodeAt(i))) i++;
  return i;
}

/** Index just past the last non-SP/HT character before `end`. */
export function trimEnd(s: string, start: number, end: number): number {
  while (end > start && isWs(s.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * `i` points at a DQUOTE; returns the index just past the closing DQUOTE, or -1 when the
 * string is unterminated. quoted-pair (RFC 3261 §25.1) escapes any character but CR/LF.
 */
export function scanQuoted(s: string, i: number, end = s.length): number {
  for (i++; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === DQUOTE) return i + 1;
    if (c === BACKSLASH) {
      i++;
      if (i >= end) return -1;
      const e = s.charCodeAt(i);
      if (e === 0x0d || e === 0x0a) return -1;
    } else if (c === 0x0d || c === 0x0a) return -1;
  }
  return -1;
}

/** The content of a quoted string (with its quotes) with quoted-pairs undone. */
export function unquote(quoted: string): string {
  const inner = quoted.slice(1, -1);
  if (inner.indexOf('\\') < 0) return inner;
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    if (inner.charCodeAt(i) === BACKSLASH && i + 1 < inner.length) i++;
    out += inner[i];
  }
  return out;
}

/**
 * Wraps `s` in DQUOTEs, escaping `"` and `\`. CR and LF cannot appear in a quoted string
 * even escaped, and would let a display name from user input inject header lines, so
 * they become spaces.
 */
export function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === DQUOTE || c === BACKSLASH) out += '\\' + s[i];
    else if (c === 0x0d || c === 0x0a) out += ' ';
    else out += s[i];
  }
  return out + '"';
}

/**
 * Where the list element starting at `i` ends: the next comma outside quoted strings and
 * <...>, or `end`; -1 for an unterminated quoted string or <.
 */
export function listElementEnd(s: string, i: number, end: number): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === DQUOTE) {
      i = scanQuoted(s, i, end);
      if (i < 0) return -1;
    } else if (c === 0x3c /* < */) {
      const close = s.indexOf('>', i + 1);
      if (close < 0 || close >= end) return -1;
      i = close + 1;
    } else if (c === 0x2c /* , */) return i;
    else i++;
  }
  return end;
}

/**
 * Splits a header value at top-level commas: commas inside quoted strings or <...> do not
 * split. Elements are trimmed; empty elements are kept so validators can refuse them.
 * Returns undefined for an unterminated quoted string or <.
 */
export function splitCommas(s: string): string[] | undefined {
  const out: string[] = [];
  for (let start = 0; ; ) {
    const comma = listElementEnd(s, start, s.length);
    if (comma < 0) return undefined;
    out.push(s.slice(skipWs(s, start, comma), trimEnd(s, start, comma)));
    if (comma === s.length) return out;
    start = comma + 1;
  }
}
