import type { HeaderField, SipMessage } from '../src/sip';

/**
 * The message's header lines with the first value of list header `name` dropped (our own Via on a
 * response, our own Route on a request). The remaining values stay where the header stood, one per line.
 */
export function withoutFirstValue(message: SipMessage, name: string): HeaderField[] {
  const rest = message.getAll(name).slice(1);
  const out: HeaderField[] = [];
  let placed = false;
  for (const header of message.headers) {
    if (!sameName(header.name, name)) {
      out.push(header);
      continue;
    }
    if (!placed) {
      for (const value of rest) out.push({ name: header.name, value });
      placed = true;
    }
  }
  return out;
}

/** Inserts `field` before the first line named `before`, or at `fallback` when there is none. */
export function insertBefore(headers: HeaderField[], field: HeaderField, before: string, fallback: number): void {
  const at = headers.findIndex((h) => sameName(h.name, before));
  headers.splice(at === -1 ? Math.min(fallback, headers.length) : at, 0, field);
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
