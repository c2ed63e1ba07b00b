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
 * Decodes UTF-8 octets. Each maximal invalid subsequence (as the WHATWG Encoding standard
 * delimits them) becomes one U+FFFD with `invalid` 'replace', as a WebSocket frame is read.
 * With 'escape' each of its octets becomes the lone surrogate U+DC00+octet (Python's
 * "surrogateescape"), so an escaped binary value such as %FF survives a decode/encode round
 * trip and never collides with real text.
 */
export function decodeUtf8(bytes: ArrayLike<number>, invalid: 'replace' | 'escape'): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const [length, low, high] = sequenceShape(lead);
    let codePoint = lead & (0xff >> (length + 1));
    let taken = 1;
    for (; taken < length; taken++) {
      const next = bytes[i + taken];
      if (next === undefined || next < (taken === 1 ? low : 0x80) || next > (taken === 1 ? high : 0xbf)) break;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (lead < 0x80) out += String.fromCharCode(lead);
    else if (length > 1 && taken === length) out += String.fromCodePoint(codePoint);
    else if (invalid === 'replace') out += '\ufffd';
    else for (let k = i; k < i + taken; k++) out += String.fromCharCode(0xdc00 + bytes[k]!);
    i += taken;
  }
  return out;
}

/**
 * Sequence length for a lead byte and the range its first continuation byte must
 * fall in; the narrowed ranges exclude overlong forms, surrogates and code points
 * above U+10FFFF. Length 1 marks ASCII or a byte that cannot start a sequence.
 */
function sequenceShape(lead: number): [length: number, low: number, high: number] {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return [1, 0, 0];
}
