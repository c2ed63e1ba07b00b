import { HEX, isIn } from './char-classes';
import { decodeUtf8, pushUtf8 } from './utf8';

function hexValue(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
}

/**
 * Undoes %HH escapes (RFC 3261 §19.1.2). A "%" not followed by two hex digits is kept
 * literally: peers get this wrong often enough that refusing the whole URI would hurt.
 */
export function unescape(s: string): string {
  const first = s.indexOf('%');
  if (first < 0) return s;
  let out = s.slice(0, first);
  let i = first;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && i + 2 < s.length && isIn(HEX, s.charCodeAt(i + 1)) && isIn(HEX, s.charCodeAt(i + 2))) {
      // A run of escapes may spell one multi-octet UTF-8 character.
      const bytes: number[] = [];
      while (
        i + 2 < s.length &&
        s.charCodeAt(i) === 0x25 &&
        isIn(HEX, s.charCodeAt(i + 1)) &&
        isIn(HEX, s.charCodeAt(i + 2))
      ) {
        bytes.push(hexValue(s.charCodeAt(i + 1)) * 16 + hexValue(s.charCodeAt(i + 2)));
        i += 3;
      }
      out += decodeUtf8(bytes, 'escape');
    } else {
      out += s[i];
      i++;
    }
  }
  return out;
}

const HEX_DIGITS = '0123456789ABCDEF';

/** %-escapes every character outside `safe` (as UTF-8 octets). */
export function escape(s: string, safe: Uint8Array): string {
  let i = 0;
  while (i < s.length && isIn(safe, s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isIn(safe, c)) {
      out += s[i];
      continue;
    }
    const bytes: number[] = [];
    const cp = s.codePointAt(i)!;
    if (cp >= 0xdc80 && cp <= 0xdcff) {
      // A stray octet that decodeUtf8 parked in the surrogate range: write it back as is.
      bytes.push(cp - 0xdc00);
    } else {
      pushUtf8(bytes, cp);
      if (cp > 0xffff) i++;
    }
    for (const b of bytes) out += '%' + HEX_DIGITS[b >> 4] + HEX_DIGITS[b & 15];
  }
  return out;
}
