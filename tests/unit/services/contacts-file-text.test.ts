import { describe, expect, it } from 'vitest';
import { decodeFileText } from '../../../src/services/contacts/decode-file-text';

describe('import file text', () => {
  it('reads UTF-8, without its byte order mark', () => {
    expect(decodeFileText(new TextEncoder().encode('\uFEFFname\nMüller'))).toBe('name\nMüller');
  });

  it('reads a file that is not valid UTF-8 as Windows-1252, as Outlook saves CSV', () => {
    expect(decodeFileText(Uint8Array.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x2c, 0xe9]))).toBe('Müller,é');
  });
});
