/*
 * Non-INVITE server transaction, reliable transport (RFC 3261 §17.2.2).
 *
 *      request received (created by the transaction layer)
 *                 |
 *                 v
 *   +--------- trying        retransmission: dropped
 *   |             | 1xx from TU → sent
 *   |             v
 *   |        proceeding      retransmission: last 1xx re-sent
 *   |             |
 *   | 200-699     | 200-699 from TU → sent
 *   v             v
 *  completed ----Timer J (0)----> terminated
 *  (retransmission: final response re-sent)
 */
import type { SipRequest, SipResponse } from '../message';
import type { ServerTransaction } from './server-transaction';
import { checkTransition, type StateTable } from './state-table';
import { TimerSlots } from './timer-slots';
import { TIMER_J } from './timers';
import type { TransactionEnv } from './transaction-env';

export type NonInviteServerState = 'trying' | 'proceeding' | 'completed' | 'terminated';

const TRANSITIONS: StateTable<NonInviteServerState> = {
  trying: ['proceeding', 'completed', 'terminated'],
  proceeding: ['completed', 'terminated'],
  completed: ['terminated'],
  terminated: [],
};

export class NonInviteServerTransaction implements ServerTransaction {
  readonly kind = 'non-invite-server';
  #current: NonInviteServerState = 'trying';
  #last: SipResponse | undefined;
  readonly #slots: TimerSlots<'J'>;
  readonly #onTerminated: () => void;
  readonly #env: TransactionEnv;

  constructor(
    readonly request: SipRequest,
    env: TransactionEnv,
    onTerminated: () => void,
  ) {
    this.#env = env;
    this.#onTerminated = onTerminated;
    if (request.method === 'INVITE' || request.method === 'ACK') {
      throw new Error(`NonInviteServerTransaction cannot carry ${request.method}`);
    }
    this.#slots = new TimerSlots(env.timers);
  }

  get state(): NonInviteServerState {
    return this.#current;
  }

  get lastResponse(): SipResponse | undefined {
    return this.#last;
  }

  respond(response: SipResponse): void {
    if (this.#current === 'terminated') {
      this.#env.logger.log('debug', `response ${response.status} to ${this.request.method} dropped: transaction over`);
      return;
    }
    if (this.#current === 'completed') throw new Error(`${this.request.method} already has a final response`);
    this.#last = response;
    if (response.status < 200) {
      if (this.#current === 'trying') this.#transition('proceeding');
    } else {
      this.#transition('completed');
      this.#slots.start('J', TIMER_J, () => this.#terminate());
    }
    this.#sendLast();
  }

  receiveRetransmission(_request: SipRequest): void {
    // §17.2.2: in Trying the TU has said nothing yet, so there is nothing to repeat.
    if (this.#current === 'proceeding' || this.#current === 'completed') this.#sendLast();
  }

  transportLost(): void {
    if (this.#current !== 'terminated') this.#terminate();
  }

  #sendLast(): void {
    if (this.#last && !this.#env.send(this.#last.toString())) {
      this.#env.logger.log('warn', `could not send ${this.#last.status} to ${this.request.method}: transport down`);
      this.#terminate();
    }
  }

  #terminate(): void {
    this.#slots.clearAll();
    this.#transition('terminated');
    this.#onTerminated();
  }

  #transition(to: NonInviteServerState): void {
    checkTransition(TRANSITIONS, 'non-INVITE server transaction', this.#current, to);
    this.#current = to;
  }
}
