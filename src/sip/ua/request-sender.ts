import { createVia, formatVia, type SipRequest } from '../message';
import { randomToken, type Random } from '../ports';
import type { ClientTransaction, ClientTransactionListener } from '../transaction/client-transaction';
import type { TransactionLayer } from '../transaction/transaction-layer';
import { MAGIC_COOKIE } from '../transaction/transaction-matching';

export interface RequestSenderDeps {
  transport: { readonly viaTransport: string; readonly viaHost: string; send(text: string): boolean };
  transactions: TransactionLayer;
  random: Random;
}

/**
 * Puts our Via on outgoing requests — `SIP/2.0/WS <host>.invalid;branch=z9hG4bK…`
 * (RFC 7118 §5), a new branch for every attempt (§8.1.1.7) — and sends them.
 */
export class RequestSender {
  readonly #deps: RequestSenderDeps;
  constructor(deps: RequestSenderDeps) {
    this.#deps = deps;
  }

  /** Sends a request in a new client transaction. */
  send(request: SipRequest, listener: ClientTransactionListener): ClientTransaction {
    this.#stampVia(request);
    return this.#deps.transactions.sendRequest(request, listener);
  }

  /**
   * Sends the ACK for a 2xx: the UA core's job, outside any transaction and
   * with a branch of its own (§13.2.2.4, §17.1.1.3). False when the transport is down.
   */
  sendAck(ack: SipRequest): boolean {
    if (ack.method !== 'ACK') throw new Error(`sendAck cannot send ${ack.method}`);
    this.#stampVia(ack);
    return this.#deps.transport.send(ack.toString());
  }

  #stampVia(request: SipRequest): void {
    const { transport, random } = this.#deps;
    const branch = `${MAGIC_COOKIE}${randomToken(random, 10)}`;
    // A retried request drops the Via of its previous attempt; with none left, prepend() puts it on top.
    request.remove('Via');
    request.prepend('Via', formatVia(createVia(transport.viaTransport, transport.viaHost, branch)));
  }
}
