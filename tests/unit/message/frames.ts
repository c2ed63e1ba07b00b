import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

/**
 * Turns captured octets into what the transport hands the parser: a text frame must be
 * UTF-8 (RFC 6455 §5.6), so valid UTF-8 arrives as text; anything else can only have come
 * in a binary frame (RFC 7118 §5), which the transport passes as a Latin-1 byte string.
 */
export function toFrame(bytes: Uint8Array): { text: string; byteString: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), byteString: false };
  } catch {
    return { text: Buffer.from(bytes).toString('latin1'), byteString: true };
  }
}

export function readTorture(file: string): { text: string; byteString: boolean } {
  return toFrame(readFileSync(join(FIXTURES, 'rfc4475', file)));
}

export interface TortureCase {
  name: string;
  file: string;
  section: string;
  title: string;
  expectParser: 'accept' | 'reject' | 'either' | 'reject-or-liberal';
}

export function tortureManifest(): TortureCase[] {
  return (JSON.parse(readFileSync(join(FIXTURES, 'rfc4475', 'manifest.json'), 'utf8')) as { tests: TortureCase[] }).tests;
}

/** The real MicroSIP / CUCM captures, by fixture name (without .sip). */
export function readCaptures(): Map<string, string> {
  const dir = join(FIXTURES, 'sip');
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.sip'))
      .sort()
      .map((f) => [f.slice(0, -4), readFileSync(join(dir, f), 'utf8')]),
  );
}

export function readCapture(name: string): string {
  return readFileSync(join(FIXTURES, 'sip', `${name}.sip`), 'utf8');
}
