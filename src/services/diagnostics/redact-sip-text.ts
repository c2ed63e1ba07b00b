import { parseAuthParams } from '../../sip';

/**
 * Makes a SIP message safe to show and keep in the diagnostics trace: credentials appear as
 * hashes only. A password never travels in a Digest exchange, but other things could carry one:
 * a Basic scheme, a `user:password@` in a URI (RFC 3261 §19.1.1 deprecates it, but it parses), or
 * an app that echoes the password somewhere odd — so the account's own secrets are also blanked
 * wherever they appear.
 */

const REDACTED = '[redacted]';

/** Digest fields that are public by design (RFC 7616 §3.4): names, nonces and the response hash. */
const DIGEST_FIELDS = new Set(['username', 'realm', 'nonce', 'uri', 'response', 'algorithm', 'cnonce', 'opaque', 'qop', 'nc', 'userhash']);
/** Fields written without quotes (RFC 7616 §3.4). */
const UNQUOTED = new Set(['algorithm', 'qop', 'nc', 'userhash']);

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization']);

/** Shortest secret blanked by value: shorter strings would blank ordinary digits and words. */
const MIN_SECRET_LENGTH = 3;

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** An Authorization value with only the Digest fields left, or the scheme alone. */
export function redactCredentials(value: string): string {
  let parsed;
  try {
    parsed = parseAuthParams(value);
  } catch {
    // Basic's token68 and broken values do not parse as auth-params: keep the scheme name only.
    const scheme = /^[A-Za-z][\w.+-]*(?=\s|$)/.exec(value)?.[0];
    return scheme === undefined ? REDACTED : `${scheme} ${REDACTED}`;
  }
  if (parsed.scheme.toLowerCase() !== 'digest') return `${parsed.scheme} ${REDACTED}`;
  const fields = [...parsed.params]
    .filter(([name]) => DIGEST_FIELDS.has(name))
    .map(([name, v]) => `${name}=${UNQUOTED.has(name) ? v : quote(v)}`);
  return `${parsed.scheme} ${fields.join(', ')}`;
}

/** "sip:alice:pw@host" → "sip:alice:[redacted]@host". */
function redactUriPasswords(text: string): string {
  return text.replace(/\b(sips?:[^:@\s;>"]+):[^@\s;>"]+@/gi, `$1:${REDACTED}@`);
}

function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  return out;
}

/** Rewrites the credential headers of the header section; folded lines (RFC 3261 §7.3.1) belong to the header above. */
function redactHeaders(head: string): string {
  const lines = head.split('\r\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '';
    if (i === 0 || !CREDENTIAL_HEADERS.has(name)) {
      out.push(line);
      continue;
    }
    let value = line.slice(colon + 1);
    while (i + 1 < lines.length && /^[ \t]/.test(lines[i + 1]!)) value += ` ${lines[++i]!.trim()}`;
    out.push(`${line.slice(0, colon)}: ${redactCredentials(value.trim())}`);
  }
  return out.join('\r\n');
}

export function redactSipText(text: string, secrets: readonly string[] = []): string {
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end);
  const rest = end < 0 ? '' : text.slice(end);
  return redactSecrets(redactUriPasswords(redactHeaders(head) + rest), secrets);
}
