/**
 * Header names: compact forms (RFC 3261 §7.3.3 and the extensions that define one),
 * canonical spellings, and which headers are comma-separated lists (RFC 3261 §7.3.1).
 */

const KNOWN = [
  'Accept', 'Accept-Contact', 'Accept-Encoding', 'Accept-Language', 'Alert-Info', 'Allow', 'Allow-Events',
  'Authentication-Info', 'Authorization', 'Call-ID', 'Call-Info', 'Contact', 'Content-Disposition',
  'Content-Encoding', 'Content-Language', 'Content-Length', 'Content-Type', 'CSeq', 'Date', 'Error-Info',
  'Event', 'Expires', 'From', 'History-Info', 'Identity', 'Identity-Info', 'In-Reply-To', 'Max-Forwards',
  'MIME-Version', 'Min-Expires', 'Min-SE', 'Organization', 'P-Asserted-Identity', 'P-Preferred-Identity',
  'Path', 'Priority', 'Privacy', 'Proxy-Authenticate', 'Proxy-Authorization', 'Proxy-Require', 'RAck',
  'Reason', 'Record-Route', 'Refer-Sub', 'Refer-To', 'Referred-By', 'Reject-Contact', 'Replaces',
  'Reply-To', 'Request-Disposition', 'Require', 'Retry-After', 'Route', 'RSeq', 'Security-Client',
  'Security-Server', 'Security-Verify', 'Server', 'Service-Route', 'Session-Expires', 'SIP-ETag',
  'SIP-If-Match', 'Subject', 'Subscription-State', 'Supported', 'Timestamp', 'To', 'Unsupported',
  'User-Agent', 'Via', 'Warning', 'WWW-Authenticate',
];

/** Compact form → canonical name (RFC 3261, 3265, 3515, 3892, 3841, 4028, 4474). */
const COMPACT: Record<string, string> = {
  a: 'Accept-Contact', b: 'Referred-By', c: 'Content-Type', d: 'Request-Disposition', e: 'Content-Encoding',
  f: 'From', i: 'Call-ID', j: 'Reject-Contact', k: 'Supported', l: 'Content-Length', m: 'Contact',
  n: 'Identity-Info', o: 'Event', r: 'Refer-To', s: 'Subject', t: 'To', u: 'Allow-Events', v: 'Via',
  x: 'Session-Expires', y: 'Identity',
};

// Exact spellings seen on the wire resolve without lower-casing; the rest go through LOWER.
const EXACT = new Map<string, string>();
const LOWER = new Map<string, string>();
for (const name of KNOWN) {
  EXACT.set(name, name);
  LOWER.set(name.toLowerCase(), name);
}
for (const [letter, name] of Object.entries(COMPACT)) {
  EXACT.set(letter, name);
  EXACT.set(letter.toUpperCase(), name);
  LOWER.set(letter, name);
}

/**
 * Known names by a case-insensitive hash of their spelling, so the parser resolves a name
 * from the frame's characters without slicing or lower-casing it. Each slot lists the
 * lower-case spellings that hash there, each followed by its canonical name.
 */
const SLOTS = 512;
const BY_HASH: string[][] = Array.from({ length: SLOTS }, () => []);
for (const [lower, canonical] of LOWER) {
  let h = 0;
  for (let k = 0; k < lower.length; k++) h = foldHash(h, lower.charCodeAt(k));
  BY_HASH[h & (SLOTS - 1)]!.push(lower, canonical);
}

/** One step of the name hash; ASCII letters hash alike in either case. */
export function foldHash(h: number, c: number): number {
  return (Math.imul(h, 31) + (c | 0x20)) | 0;
}

/**
 * The canonical name spelled (in any case) by the token text[start, end) whose foldHash is
 * `hash`; undefined for a name this module does not know.
 */
export function knownNameAt(text: string, start: number, end: number, hash: number): string | undefined {
  const slot = BY_HASH[hash & (SLOTS - 1)]!;
  const length = end - start;
  for (let e = 0; e < slot.length; e += 2) {
    const lower = slot[e]!;
    if (lower.length !== length) continue;
    let k = 0;
    for (; k < length; k++) {
      let c = text.charCodeAt(start + k);
      if (c >= 0x41 && c <= 0x5a) c |= 0x20;
      if (c !== lower.charCodeAt(k)) break;
    }
    if (k === length) return slot[e + 1];
  }
  return undefined;
}

/**
 * The canonical spelling of a header name: compact forms expanded, known names in their
 * RFC spelling; unknown names are returned as given (compare them case-insensitively).
 */
export function canonicalName(name: string): string {
  return EXACT.get(name) ?? LOWER.get(name.toLowerCase()) ?? name;
}

/** Whether `name` is one of the names this module knows (so its spelling is canonical). */
export function isKnownName(canonical: string): boolean {
  return EXACT.get(canonical) === canonical;
}

/** Headers whose values are comma-separated lists (RFC 3261 §7.3.1 and extensions). */
const LIST = new Set([
  'Accept', 'Accept-Contact', 'Accept-Encoding', 'Accept-Language', 'Alert-Info', 'Allow', 'Allow-Events',
  'Call-Info', 'Contact', 'Content-Encoding', 'Content-Language', 'Error-Info', 'History-Info',
  'In-Reply-To', 'P-Asserted-Identity', 'P-Preferred-Identity', 'Path', 'Proxy-Require', 'Reason',
  'Record-Route', 'Reject-Contact', 'Request-Disposition', 'Require', 'Route', 'Security-Client',
  'Security-Server', 'Security-Verify', 'Service-Route', 'Supported', 'Unsupported', 'Via', 'Warning',
]);

export function isListHeader(canonical: string): boolean {
  return LIST.has(canonical);
}

/** Case-insensitive header-name match for a canonical name and its lower-case form. */
export function sameName(name: string, canonical: string, lower: string): boolean {
  return name === canonical || (name.length === canonical.length && name.toLowerCase() === lower);
}
