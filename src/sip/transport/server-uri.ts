/** A WebSocket server address the transport may connect to. */
export interface ServerUri {
  /** As configured, for the factory and for messages. */
  uri: string;
  /** wss:// — decides Via transport WSS versus WS (RFC 7118 §5). */
  secure: boolean;
  /** Lower-case host; IPv6 without brackets. */
  host: string;
}

export type ServerUriResult = { ok: true; server: ServerUri } | { ok: false; reason: string };

// scheme "://" [userinfo "@"] host [":" port] [path / query / fragment]
const WS_URI = /^(wss?):\/\/(?:[^/?#@]*@)?(\[[0-9a-f:.]+\]|[^/?#:[\]]+)(?::(\d{1,5}))?(?:[/?#]\S*)?$/i;

/**
 * Checks one configured server URI. Plain ws:// is refused for anything but
 * loopback: SIP over it carries digest exchanges and call metadata in clear text
 * (RFC 7118 §9 asks clients to prefer WSS), and a page served over https could
 * not open it anyway.
 */
export function parseServerUri(text: string): ServerUriResult {
  const match = WS_URI.exec(text.trim());
  if (!match) return { ok: false, reason: `invalid WebSocket server URI "${text}" (expected ws:// or wss://)` };
  const scheme = match[1]!.toLowerCase();
  const host = match[2]!.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const port = match[3] === undefined ? undefined : Number(match[3]);
  if (port !== undefined && (port < 1 || port > 65_535)) {
    return { ok: false, reason: `invalid port in WebSocket server URI "${text}"` };
  }
  const secure = scheme === 'wss';
  if (!secure && !isLoopbackHost(host)) {
    return { ok: false, reason: `insecure WebSocket URI ${text}: use wss:// (plain ws:// is only allowed to localhost)` };
  }
  return { ok: true, server: { uri: text.trim(), secure, host } };
}

/** localhost names (RFC 6761 §6.3), 127.0.0.0/8 and ::1 (also IPv4-mapped loopback). */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isLoopbackIPv4(name)) return true;
  const groups = expandIPv6(name);
  if (!groups) return false;
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return true;
  // ::ffff:127.x.y.z
  return groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff && groups[6]! >> 8 === 127;
}

function isLoopbackIPv4(name: string): boolean {
  const parts = name.split('.');
  return (
    parts.length === 4 &&
    parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255) &&
    parts[0] === '127'
  );
}

/** The eight 16-bit groups of an IPv6 address, or undefined when `text` is not one. */
function expandIPv6(text: string): number[] | undefined {
  if (!text.includes(':')) return undefined;
  let address = text;
  // A trailing dotted quad stands for the last two groups.
  const quad = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (quad) {
    const bytes = quad[2]!.split('.').map(Number);
    if (bytes.some((b) => b > 255)) return undefined;
    const [a = 0, b = 0, c = 0, d = 0] = bytes;
    address = `${quad[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return groups.map((g) => parseInt(g, 16));
}
