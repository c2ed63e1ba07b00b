/**
 * The text of an import file. UTF-8 (with or without a byte order mark) is the norm, but Outlook
 * and older spreadsheets save CSV in the Windows code page: bytes that are not valid UTF-8 are read
 * as Windows-1252, so "Müller" does not arrive as "M\uFFFDller". A UTF-8 byte order mark is dropped.
 */
export function decodeFileText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
