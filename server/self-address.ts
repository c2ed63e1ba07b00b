import type { SipUri } from '../src/sip';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * How the PBX names itself in Via and Record-Route, and how it recognises its own URI in a Route
 * header or Request-URI.
 */
export class SelfAddress {
  /** host[:port] for Via sent-by and Record-Route. */
  readonly hostPort: string;
  private readonly names: Set<string>;

  constructor(
    listenHost: string,
    readonly port: number,
  ) {
    const host = advertisedHost(listenHost);
    this.hostPort = `${host}:${port}`;
    this.names = new Set([host, ...LOOPBACK_NAMES]);
  }

  via(branch: string): string {
    return `SIP/2.0/WS ${this.hostPort};branch=${branch}`;
  }

  /** Loose-routing (lr) so in-dialog requests come back through us with the peer's Contact as Request-URI. */
  get recordRoute(): string {
    return `<sip:${this.hostPort};transport=ws;lr>`;
  }

  /** A URI names us when its host is one of our names and its port, if any, is ours. */
  isSelf(uri: SipUri): boolean {
    if (uri.scheme !== 'sip' && uri.scheme !== 'sips') return false;
    return this.names.has(uri.host) && (uri.port === undefined || uri.port === this.port);
  }
}

/** A wildcard listen address is no name to put in a header; use loopback, which is what clients reach. */
function advertisedHost(listenHost: string): string {
  if (listenHost === '0.0.0.0' || listenHost === '') return '127.0.0.1';
  if (listenHost === '::') return '[::1]';
  return listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost.toLowerCase();
}
