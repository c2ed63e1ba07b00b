/**
 * UTF-8 helpers without TextEncoder (the core compiles without DOM or Node types).
 * Content-Length counts octets, while frames reach us as JS strings.
 */

/** Octets that `s.slice(start, end)` occupies in UTF-8; lone surrogates count as U+FFFD (3). */
export function utf8Length(s: string, start = 0, end = s.length): number {
  let n = end - start;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 2; // the pair is 2 code units and 4 octets
        i++;
        continue;
      }
      n += 2;
    } else n += 2;
  }
  return n;
}

/** Appends the UTF-8 octets of one code point to `out`. */
export function pushUtf8(out: number[], cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}

/**
 * Decodes octets as UTF-8. An octet that is not part of a valid sequence becomes the lone
 * surrogate U+DC00+octet (as Python's "surrogateescape" does), so an escaped binary value
 * such as %FF survives a decode/encode round trip and never collides with real text.
 */
export function decodeUtf8(bytes: readonly number[]): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let cp = -1;
    let len = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) len = 3;
    else if (b >= 0xf0 && b <= 0xf4) len = 4;
    if (len > 1 && i + len <= bytes.length) {
      cp = b & (0xff >> (len + 1));
      for (let k = 1; k < len; k++) {
        const t = bytes[i + k]!;
        if ((t & 0xc0) !== 0x80) {
          cp = -1;
          break;
        }
        cp = (cp << 6) | (t & 0x3f);
      }
      const min = len === 2 ? 0x80 : len === 3 ? 0x800 : 0x10000;
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = -1;
    }
    if (cp < 0) {
      out += String.fromCharCode(0xdc00 + b);
      i += 1;
    } else {
      out += String.fromCodePoint(cp);
      i += len;
    }
  }
  return out;
}
