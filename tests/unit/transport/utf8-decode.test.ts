import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8 as decode } from '../../../src/sip/message/utf8';

const decodeUtf8 = (bytes: Uint8Array) => decode(bytes, 'replace');

const bytes = (...values: number[]) => new Uint8Array(values);
/** Any Unicode scalar value, weighted towards each UTF-8 length boundary. */
const codePoint = fc
  .oneof(
    fc.integer({ min: 0, max: 0x7f }),
    fc.integer({ min: 0x80, max: 0x7ff }),
    fc.integer({ min: 0x800, max: 0xffff }),
    fc.integer({ min: 0x10000, max: 0x10ffff }),
  )
  .filter((cp) => cp < 0xd800 || cp > 0xdfff);

describe('decodeUtf8', () => {
  it('decodes one-, two-, three- and four-byte sequences', () => {
    const text = 'A é € 𝄞 Grüße 👋';
    expect(decodeUtf8(new Uint8Array(Buffer.from(text, 'utf8')))).toBe(text);
  });

  it('replaces overlong forms, surrogates and code points above U+10FFFF with U+FFFD', () => {
    expect(decodeUtf8(bytes(0xc0, 0xaf))).toBe('\ufffd\ufffd');
    expect(decodeUtf8(bytes(0xed, 0xa0, 0x80))).toBe('\ufffd\ufffd\ufffd');
    expect(decodeUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe('\ufffd\ufffd\ufffd\ufffd');
  });

  it('replaces a truncated sequence with one U+FFFD and keeps the byte that broke it', () => {
    expect(decodeUtf8(bytes(0xe2, 0x82, 0x41))).toBe('\ufffdA');
    expect(decodeUtf8(bytes(0x41, 0xf0, 0x9f, 0x91))).toBe('A\ufffd');
  });

  it('decodes messages longer than one output chunk', () => {
    const text = 'ü'.repeat(20_000);
    expect(decodeUtf8(new Uint8Array(Buffer.from(text, 'utf8')))).toBe(text);
  });

  it('agrees with the WHATWG TextDecoder on arbitrary bytes', () => {
    const reference = new TextDecoder('utf-8');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        expect(decodeUtf8(input)).toBe(reference.decode(input));
      }),
      { numRuns: 2_000 },
    );
  });

  it('agrees with the WHATWG TextDecoder on valid text', () => {
    const reference = new TextDecoder('utf-8');
    fc.assert(
      fc.property(fc.array(codePoint, { maxLength: 64 }), (codePoints) => {
        const text = String.fromCodePoint(...codePoints);
        const encoded = new TextEncoder().encode(text);
        expect(decodeUtf8(encoded)).toBe(reference.decode(encoded));
      }),
    );
  });
});
