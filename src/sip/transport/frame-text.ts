import { decodeUtf8 } from '../message/utf8';

/**
 * The text of one WebSocket message. RFC 7118 §4.2 lets a peer send SIP in text or
 * binary frames, so bytes (ArrayBuffer, typed array, Node Buffer) are decoded as
 * UTF-8. Returns undefined for data that cannot be read synchronously, such as a
 * Blob from a browser socket whose binaryType was left at "blob".
 */
export function frameText(data: unknown): string | undefined {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return decodeUtf8(new Uint8Array(data), 'replace');
  if (ArrayBuffer.isView(data)) return decodeUtf8(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 'replace');
  return undefined;
}
