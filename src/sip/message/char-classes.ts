/**
 * ASCII character classes from the RFC 3261 §25.1 grammar, as lookup tables so the
 * scanners test one array slot per character instead of running regexes.
 */

function table(chars: string, alnum: boolean): Uint8Array {
  const t = new Uint8Array(128);
  if (alnum) {
    for (let c = 0x30; c <= 0x39; c++) t[c] = 1;
    for (let c = 0x41; c <= 0x5a; c++) t[c] = 1;
    for (let c = 0x61; c <= 0x7a; c++) t[c] = 1;
  }
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

const MARK = "-_.!~*'()";

/** token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~") */
export const TOKEN = table("-.!%*_+`'~", true);
/** user = unreserved / user-unreserved (after unescaping, these need no %-escape). */
export const USER_SAFE = table(MARK + '&=+$,;?/', true);
/** password characters that need no escape. */
export const PASSWORD_SAFE = table(MARK + '&=+$,', true);
/** uri-parameter name/value characters that need no escape. */
export const PARAM_SAFE = table(MARK + '[]/:&+$', true);
/** uri-header name/value characters that need no escape. */
export const HEADER_SAFE = table(MARK + '[]/?:+$', true);
/** gen-value characters of a header parameter: token plus ":" "[" "]" for IPv6 hosts (received=, maddr=). */
export const GEN_VALUE = table("-.!%*_+`'~:[]", true);
/** hostname characters (underscore tolerated: it appears in real deployments). */
export const HOST = table('-._', true);
/** URI scheme characters after the first letter. */
export const SCHEME = table('+-.', true);
/** Hex digits. */
export const HEX = table('0123456789abcdefABCDEF', false);

export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

export function isIn(tableOf: Uint8Array, c: number): boolean {
  return c < 128 && tableOf[c] === 1;
}
