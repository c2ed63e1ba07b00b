import type { DigestClient } from '../../auth';
import type { MediaEngine, MediaSessionOptions } from '../../media-port';
import type { Logger, Random, Timers } from '../../ports';
import type { TransactionLayer } from '../../transaction/transaction-layer';
import type { DialogRegistry } from '../dialog-registry';
import { ownContact, type LocalIdentity } from '../local-identity';
import type { RequestFactory } from '../request-factory';
import type { RequestSender } from '../request-sender';
import type { TransferOptions } from '../transfer/transfer-types';

/** How calls get their media (UserAgentOptions.media). */
export interface CallMediaOptions {
  engine: MediaEngine;
  /** Per-call media settings: ICE servers, codec profile, microphone. */
  options: MediaSessionOptions;
  /**
   * How we send DTMF: 'rfc4733' in the RTP stream, 'info' as SIP INFO, 'inband' as tones mixed
   * into our audio. Unset: RFC 4733 when the far end negotiated telephone-event, else INFO
   * (MicroSIP's "Auto"). See dtmf-sender.ts.
   */
  dtmfMode?: 'rfc4733' | 'info' | 'inband';
  /** Send outgoing INVITEs without SDP: the far end offers in its 2xx and our answer goes in the ACK. */
  delayedOffer?: boolean;
}

/** What a call needs from the user agent. */
export interface CallDeps {
  identity: LocalIdentity;
  viaHost: string;
  factory: RequestFactory;
  sender: RequestSender;
  transactions: TransactionLayer;
  /** Raw send on the flow: 2xx retransmissions and repeated ACKs, which have no transaction. */
  send(text: string): boolean;
  dialogs: DialogRegistry;
  /** Undefined when no password or HA1 is configured. */
  digest: DigestClient | undefined;
  media: CallMediaOptions;
  /** RFC 4028 interval our INVITEs ask for, in seconds (default 1800). */
  sessionExpires?: number;
  /** How we act when the far end transfers us (UserAgentOptions.transfer). */
  transfer?: TransferOptions;
  allow(): string[];
  supported(): string[];
  timers: Timers;
  random: Random;
  logger: Logger;
}

/** Contact, Allow and Supported: what every dialog-forming or target-refreshing message of ours carries (§12.1, §13.2.1). */
export function dialogHeaders(deps: CallDeps): [string, string][] {
  const headers: [string, string][] = [
    ['Contact', ownContact(deps.identity, deps.viaHost, false).toString()],
    ['Allow', deps.allow().join(', ')],
  ];
  const supported = deps.supported();
  if (supported.length > 0) headers.push(['Supported', supported.join(', ')]);
  return headers;
}
