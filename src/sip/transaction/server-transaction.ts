import type { SipRequest, SipResponse } from '../message';

export interface ServerTransaction {
  readonly kind: 'invite-server' | 'non-invite-server';
  readonly request: SipRequest;
  readonly state: string;
  /** The last response sent: the one re-sent for a retransmitted request, and whose To tag an RFC 2543 ACK must carry. */
  readonly lastResponse: SipResponse | undefined;
  /** Sends a response from the TU. Responding after a final response is a programmer error and throws. */
  respond(response: SipResponse): void;
  /** A retransmission of the request matched this transaction (§17.2.1, §17.2.2). */
  receiveRetransmission(request: SipRequest): void;
  /** The connection carrying the transaction is gone: nothing more can be sent. */
  transportLost(): void;
}
