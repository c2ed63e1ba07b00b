import type { SipRequest, SipResponse } from '../message';
import type { ClientTransaction, ClientTransactionListener } from './client-transaction';
import { InviteClientTransaction } from './invite-client-transaction';
import { InviteServerTransaction } from './invite-server-transaction';
import { NonInviteClientTransaction } from './non-invite-client-transaction';
import { NonInviteServerTransaction } from './non-invite-server-transaction';
import type { TransactionEnv } from './transaction-env';
import { clientTransactionKey, MAGIC_COOKIE, matchesLegacyTransaction, serverTransactionKey } from './transaction-matching';

/** A server transaction; `kind` tells which, so a usage can reach INVITE-only events such as 'cancel'. */
export type AnyServerTransaction = InviteServerTransaction | NonInviteServerTransaction;

/** What the transaction layer made of an incoming request. */
export type IncomingRequestDisposition =
  /** A new request: the UA core must answer it through this transaction. */
  | { kind: 'new'; transaction: AnyServerTransaction }
  /** A retransmission, or the ACK of a non-2xx: handled here, nothing for the UA core. */
  | { kind: 'absorbed' }
  /** An ACK no transaction consumed — the ACK of a 2xx, which the UA core routes to its dialog (§17.2.3). */
  | { kind: 'ack' };

/**
 * Owns every live transaction: creates client transactions for outgoing
 * requests, matches responses to them (§17.1.3), and matches incoming requests
 * to server transactions (§17.2.3) so retransmissions never reach the UA core.
 */
export class TransactionLayer {
  readonly #clients = new Map<string, ClientTransaction>();
  readonly #servers = new Map<string, AnyServerTransaction>();
  /** Server transactions of RFC 2543 peers (no magic cookie): matched field by field. */
  readonly #legacyServers = new Set<AnyServerTransaction>();
  readonly #env: TransactionEnv;

  constructor(env: TransactionEnv) {
    this.#env = env;
  }

  /** Sends a request in a new client transaction. ACKs are not transactions: send them directly. */
  sendRequest(request: SipRequest, listener: ClientTransactionListener): ClientTransaction {
    if (request.method === 'ACK') throw new Error('an ACK is sent without a client transaction');
    const key = clientTransactionKey(request);
    if (!key?.startsWith(MAGIC_COOKIE)) throw new Error('an outgoing request needs a z9hG4bK branch in its top Via');
    if (this.#clients.has(key)) throw new Error(`branch already in use: ${key}`);
    const done = () => this.#forget(this.#clients, key, transaction);
    const transaction: ClientTransaction =
      request.method === 'INVITE'
        ? new InviteClientTransaction(request, this.#env, listener, done)
        : new NonInviteClientTransaction(request, this.#env, listener, done);
    this.#clients.set(key, transaction);
    transaction.start();
    return transaction;
  }

  /** Hands a response to its client transaction; false when none matches (a stray response). */
  receiveResponse(response: SipResponse): boolean {
    const key = clientTransactionKey(response);
    const transaction = key === undefined ? undefined : this.#clients.get(key);
    if (!transaction) return false;
    transaction.receiveResponse(response);
    return true;
  }

  receiveRequest(request: SipRequest): IncomingRequestDisposition {
    const existing = this.#findServer(request, request.method);
    if (request.method === 'ACK') {
      if (existing instanceof InviteServerTransaction && existing.receiveAck(request) === 'absorbed') return { kind: 'absorbed' };
      return { kind: 'ack' };
    }
    if (existing) {
      existing.receiveRetransmission(request);
      return { kind: 'absorbed' };
    }
    return { kind: 'new', transaction: this.#createServer(request) };
  }

  /** The INVITE server transaction a CANCEL refers to (§9.2: matched as if its method were INVITE). */
  findInviteServerTransaction(cancel: SipRequest): InviteServerTransaction | undefined {
    const transaction = this.#findServer(cancel, 'INVITE');
    return transaction instanceof InviteServerTransaction ? transaction : undefined;
  }

  /** The connection is gone: pending client transactions fail with a 503, server transactions end. */
  transportLost(): void {
    for (const transaction of [...this.#clients.values(), ...this.#servers.values(), ...this.#legacyServers]) {
      transaction.transportLost();
    }
  }

  /** Live transactions, for diagnostics and tests. */
  get size(): number {
    return this.#clients.size + this.#servers.size + this.#legacyServers.size;
  }

  #findServer(request: SipRequest, method: string): AnyServerTransaction | undefined {
    const key = serverTransactionKey(request, method);
    if (key !== undefined) return this.#servers.get(key);
    for (const transaction of this.#legacyServers) {
      if (matchesLegacyTransaction(transaction, request, method)) return transaction;
    }
    return undefined;
  }

  #createServer(request: SipRequest): AnyServerTransaction {
    const key = serverTransactionKey(request);
    const done = () => {
      if (key === undefined) this.#legacyServers.delete(transaction);
      else this.#forget(this.#servers, key, transaction);
    };
    const transaction: AnyServerTransaction =
      request.method === 'INVITE'
        ? new InviteServerTransaction(request, this.#env, done)
        : new NonInviteServerTransaction(request, this.#env, done);
    if (key === undefined) this.#legacyServers.add(transaction);
    else this.#servers.set(key, transaction);
    return transaction;
  }

  #forget<T>(map: Map<string, T>, key: string, transaction: T): void {
    if (map.get(key) === transaction) map.delete(key);
  }
}
