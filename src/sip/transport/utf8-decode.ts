const REPLACEMENT = 0xfffd;
const FLUSH_AT = 8_192;

/**
 * Decodes UTF-8 the way the WHATWG Encoding standard does (each maximal invalid
 * subsequence becomes one U+FFFD). The core has no TextDecoder: its lib is ES2022 only.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  let out = '';
  let codePoints: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      codePoints.push(lead);
      i++;
    } else {
      const [length, low, high] = sequenceShape(lead);
      let codePoint = lead & (0xff >> (length + 1));
      let taken = 1;
      for (; taken < length; taken++) {
        const next = bytes[i + taken];
        const min = taken === 1 ? low : 0x80;
        const max = taken === 1 ? high : 0xbf;
        if (next === undefined || next < min || next > max) break;
        codePoint = (codePoint << 6) | (next & 0x3f);
      }
      codePoints.push(length > 1 && taken === length ? codePoint : REPLACEMENT);
      i += taken;
    }
    if (codePoints.length >= FLUSH_AT) {
      out += String.fromCodePoint(...codePoints);
      codePoints = [];
    }
  }
  return out + String.fromCodePoint(...codePoints);
}

/**
 * Sequence length for a lead byte and the range its first continuation byte must
 * fall in; the narrowed ranges exclude overlong forms, surrogates and code points
 * above U+10FFFF. Length 1 marks a byte that cannot start a sequence.
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
