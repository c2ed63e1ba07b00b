/*
 * INVITE client transaction, reliable transport (RFC 3261 §17.1.1, RFC 6026 §8.4).
 *
 *            start(): INVITE sent, Timer B
 *                    |
 *                    v
 *   +------------ calling ----------------------------+
 *   |                |  1xx → TU                      |  Timer B → 408 to TU
 *   |                v                                |  transport error → 503 to TU
 *   |   +------- proceeding ----------------------+   |
 *   |   |  1xx → TU                               |   |
 *   |   |                                         |   |
 *   | 2xx → TU, Timer M          300-699 → ACK, TU |   |
 *   v   v                                 v       v   v
 *  accepted ---Timer M---+            completed --Timer D (0)--+
 *   2xx → TU             |                                     |
 *                        v                                     v
 *                    terminated <------------------------------+
 *
 * The ACK for a 2xx is the UA core's job (§13.2.2.4); in Accepted the
 * transaction only hands 2xx retransmissions and forks to the TU.
 */
import type { SipRequest, SipResponse } from '../message';
import type { ClientTransaction, ClientTransactionListener, ResponseSource } from './client-transaction';
import { createNon2xxAck } from './hop-by-hop-requests';
import { synthesizeResponse } from './synthesized-response';
import { checkTransition, type StateTable } from './state-table';
import { TimerSlots } from './timer-slots';
import { TIMER_B, TIMER_D, TIMER_M } from './timers';
import type { TransactionEnv } from './transaction-env';

export type InviteClientState = 'calling' | 'proceeding' | 'accepted' | 'completed' | 'terminated';

const TRANSITIONS: StateTable<InviteClientState> = {
  calling: ['proceeding', 'accepted', 'completed', 'terminated'],
  proceeding: ['accepted', 'completed', 'terminated'],
  accepted: ['terminated'],
  completed: ['terminated'],
  terminated: [],
};

export class InviteClientTransaction implements ClientTransaction {
  #current: InviteClientState = 'calling';
  readonly #slots: TimerSlots<'B' | 'D' | 'M' | 'send-failure'>;
  readonly #listener: ClientTransactionListener;
  readonly #onTerminated: () => void;
  readonly #env: TransactionEnv;

  constructor(
    readonly request: SipRequest,
    env: TransactionEnv,
    listener: ClientTransactionListener,
    onTerminated: () => void,
  ) {
    this.#env = env;
    this.#listener = listener;
    this.#onTerminated = onTerminated;
    if (request.method !== 'INVITE') throw new Error(`InviteClientTransaction cannot carry ${request.method}`);
    this.#slots = new TimerSlots(env.timers);
  }

  get state(): InviteClientState {
    return this.#current;
  }

  start(): void {
    if (!this.#env.send(this.request.toString())) {
      // Reported on the next tick so the TU never hears back before start() returns.
      this.#slots.start('send-failure', 0, () => this.#fail('transport-error'));
      return;
    }
    // §17.1.1.2: no final response while Calling within 64·T1.
    this.#slots.start('B', TIMER_B, () => this.#fail('timeout'));
  }

  receiveResponse(response: SipResponse): void {
    const state = this.#current;
    if (state === 'completed' || state === 'terminated') return;
    if (state === 'accepted') {
      // RFC 6026 §8.4: retransmitted or forked 2xx go to the TU, which ACKs them.
      if (response.status >= 200 && response.status < 300) this.#deliver(response, 'network');
      return;
    }
    if (response.status < 200) {
      if (state === 'calling') {
        this.#transition('proceeding');
        this.#slots.clear('B');
      }
      this.#deliver(response, 'network');
    } else if (response.status < 300) {
      this.#transition('accepted');
      this.#slots.clear('B');
      this.#slots.start('M', TIMER_M, () => this.#terminate());
      this.#deliver(response, 'network');
    } else {
      this.#transition('completed');
      this.#slots.clear('B');
      this.#env.send(createNon2xxAck(this.request, response).toString());
      this.#slots.start('D', TIMER_D, () => this.#terminate());
      this.#deliver(response, 'network');
    }
  }

  transportLost(): void {
    if (this.#current === 'calling' || this.#current === 'proceeding') this.#fail('transport-error');
    else if (this.#current !== 'terminated') this.#terminate();
  }

  #fail(source: Exclude<ResponseSource, 'network'>): void {
    if (this.#current !== 'calling' && this.#current !== 'proceeding') return;
    this.#terminate();
    this.#deliver(synthesizeResponse(this.request, source), source);
  }

  #deliver(response: SipResponse, source: ResponseSource): void {
    this.#listener(response, source);
  }

  #terminate(): void {
    this.#slots.clearAll();
    this.#transition('terminated');
    this.#onTerminated();
  }

  #transition(to: InviteClientState): void {
    checkTransition(TRANSITIONS, 'INVITE client transaction', this.#current, to);
    this.#current = to;
  }
}
