import type { SipRequest, SipResponse } from '../message';

/**
 * Where a response handed to the transaction user came from: the network, or
 * synthesized by the transaction — 408 when Timer B/F fires (§17.1.1.2,
 * §17.1.2.2) and 503 when the transport fails (§8.1.3.1).
 */
export type ResponseSource = 'network' | 'timeout' | 'transport-error';

export type ClientTransactionListener = (response: SipResponse, source: ResponseSource) => void;

export interface ClientTransaction {
  readonly request: SipRequest;
  readonly state: string;
  /** Sends the request and starts the timeout timer. */
  start(): void;
  receiveResponse(response: SipResponse): void;
  /** The connection carrying the transaction is gone: no response can arrive any more. */
  transportLost(): void;
}
