/*
 * Non-INVITE client transaction, reliable transport (RFC 3261 §17.1.2).
 *
 *        start(): request sent, Timer F
 *                 |
 *                 v
 *   +--------- trying ------------------+
 *   |             | 1xx → TU             |  Timer F → 408 to TU
 *   |             v                      |  transport error → 503 to TU
 *   |   +---- proceeding ------------+   |
 *   |   |  1xx → TU                  |   |
 *   |   | 200-699 → TU               |   |
 *   v   v                            v   v
 *  completed --Timer K (0)--> terminated
 */
import type { SipRequest, SipResponse } from '../message';
import type { ClientTransaction, ClientTransactionListener, ResponseSource } from './client-transaction';
import { checkTransition, type StateTable } from './state-table';
import { synthesizeResponse } from './synthesized-response';
import { TimerSlots } from './timer-slots';
import { TIMER_F, TIMER_K } from './timers';
import type { TransactionEnv } from './transaction-env';

export type NonInviteClientState = 'trying' | 'proceeding' | 'completed' | 'terminated';

const TRANSITIONS: StateTable<NonInviteClientState> = {
  trying: ['proceeding', 'completed', 'terminated'],
  proceeding: ['completed', 'terminated'],
  completed: ['terminated'],
  terminated: [],
};

export class NonInviteClientTransaction implements ClientTransaction {
  #current: NonInviteClientState = 'trying';
  readonly #slots: TimerSlots<'F' | 'K' | 'send-failure'>;
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
    if (request.method === 'INVITE' || request.method === 'ACK') {
      throw new Error(`NonInviteClientTransaction cannot carry ${request.method}`);
    }
    this.#slots = new TimerSlots(env.timers);
  }

  get state(): NonInviteClientState {
    return this.#current;
  }

  start(): void {
    if (!this.#env.send(this.request.toString())) {
      // Reported on the next tick so the TU never hears back before start() returns.
      this.#slots.start('send-failure', 0, () => this.#fail('transport-error'));
      return;
    }
    // §17.1.2.2: no final response within 64·T1.
    this.#slots.start('F', TIMER_F, () => this.#fail('timeout'));
  }

  receiveResponse(response: SipResponse): void {
    if (this.#current !== 'trying' && this.#current !== 'proceeding') return;
    if (response.status < 200) {
      if (this.#current === 'trying') this.#transition('proceeding');
      this.#listener(response, 'network');
      return;
    }
    this.#transition('completed');
    this.#slots.clear('F');
    this.#slots.start('K', TIMER_K, () => this.#terminate());
    this.#listener(response, 'network');
  }

  transportLost(): void {
    if (this.#current === 'trying' || this.#current === 'proceeding') this.#fail('transport-error');
  }

  #fail(source: Exclude<ResponseSource, 'network'>): void {
    if (this.#current !== 'trying' && this.#current !== 'proceeding') return;
    this.#terminate();
    this.#listener(synthesizeResponse(this.request, source), source);
  }

  #terminate(): void {
    this.#slots.clearAll();
    this.#transition('terminated');
    this.#onTerminated();
  }

  #transition(to: NonInviteClientState): void {
    checkTransition(TRANSITIONS, 'non-INVITE client transaction', this.#current, to);
    this.#current = to;
  }
}
