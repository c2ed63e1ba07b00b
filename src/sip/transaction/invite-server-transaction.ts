/*
 * INVITE server transaction, reliable transport (RFC 3261 §17.2.1, RFC 6026 §8.5–8.7).
 *
 *        INVITE received (created by the transaction layer); 100 Trying after 200 ms
 *                       |
 *                       v
 *   +-------------- proceeding ----------------+   INVITE retransmission: last 1xx re-sent
 *   |                   | 1xx from TU → sent   |
 *   | 2xx from TU       |                      | 300-699 from TU → sent, Timer H
 *   v                   |                      v
 *  accepted             |                  completed        INVITE retransmission: final re-sent
 *   2xx from TU → sent  |                      |   \
 *   ACK → TU            |                  ACK |    Timer H → "failure" (no ACK)
 *   INVITE absorbed     |                      v     \
 *   |                   |                  confirmed  \
 *   | Timer L           |                      |       \
 *   |                   |            Timer I (0)        |
 *   v                   v                      v       v
 *   +---------------> terminated <-----------------------+
 *
 * After a 2xx the transaction no longer answers: the UA core retransmits the
 * 2xx itself until the ACK arrives (§13.3.1.4, see Invite2xxRetransmitter).
 */
import { createResponse, type SipRequest, type SipResponse } from '../message';
import { Emitter } from '../util/emitter';
import type { ServerTransaction } from './server-transaction';
import { checkTransition, type StateTable } from './state-table';
import { TimerSlots } from './timer-slots';
import { TIMER_H, TIMER_I, TIMER_L } from './timers';
import type { TransactionEnv } from './transaction-env';

export type InviteServerState = 'proceeding' | 'accepted' | 'completed' | 'confirmed' | 'terminated';

export interface InviteServerTransactionEvents {
  /** A CANCEL matched this transaction while it still had no final response (§9.2). */
  cancel: [cancel: SipRequest];
  /** No ACK within Timer H, or the transport failed before the exchange finished (§17.2.1). */
  failure: [reason: 'timeout' | 'transport-error'];
}

const TRANSITIONS: StateTable<InviteServerState> = {
  proceeding: ['accepted', 'completed', 'terminated'],
  accepted: ['terminated'],
  completed: ['confirmed', 'terminated'],
  confirmed: ['terminated'],
  terminated: [],
};

/** §17.2.1: a 100 Trying is due unless the TU answers within 200 ms. */
const TRYING_DELAY = 200;

export class InviteServerTransaction extends Emitter<InviteServerTransactionEvents> implements ServerTransaction {
  readonly kind = 'invite-server';
  #current: InviteServerState = 'proceeding';
  #last: SipResponse | undefined;
  readonly #slots: TimerSlots<'trying' | 'H' | 'I' | 'L'>;
  readonly #onTerminated: () => void;
  readonly #env: TransactionEnv;

  constructor(
    readonly request: SipRequest,
    env: TransactionEnv,
    onTerminated: () => void,
  ) {
    super(env.logger);
    this.#env = env;
    this.#onTerminated = onTerminated;
    if (request.method !== 'INVITE') throw new Error(`InviteServerTransaction cannot carry ${request.method}`);
    this.#slots = new TimerSlots(env.timers);
    this.#slots.start('trying', TRYING_DELAY, () => this.respond(createResponse(request, 100, 'Trying')));
  }

  get state(): InviteServerState {
    return this.#current;
  }

  get lastResponse(): SipResponse | undefined {
    return this.#last;
  }

  respond(response: SipResponse): void {
    const state = this.#current;
    if (state === 'terminated') {
      this.#env.logger.log('debug', `response ${response.status} to INVITE dropped: transaction over`);
      return;
    }
    const success = response.status >= 200 && response.status < 300;
    if (state === 'accepted' && !success) throw new Error('INVITE already accepted with a 2xx');
    if (state === 'completed' || state === 'confirmed') throw new Error('INVITE already has a final response');
    this.#slots.clear('trying');
    this.#last = response;
    if (state === 'proceeding' && success) {
      this.#transition('accepted');
      this.#slots.start('L', TIMER_L, () => this.#terminate());
    } else if (state === 'proceeding' && response.status >= 300) {
      this.#transition('completed');
      this.#slots.start('H', TIMER_H, () => this.#fail('timeout'));
    }
    this.#sendLast();
  }

  receiveRetransmission(_request: SipRequest): void {
    // In Accepted the TU is retransmitting its 2xx already (RFC 6026 §8.7).
    if (this.#current === 'proceeding' || this.#current === 'completed') this.#sendLast();
  }

  /**
   * An ACK with this transaction's branch. Returns 'pass-up' when the UA core
   * must see it: in Accepted it acknowledges the 2xx (RFC 6026 §8.7).
   */
  receiveAck(_ack: SipRequest): 'absorbed' | 'pass-up' {
    if (this.#current === 'accepted') return 'pass-up';
    if (this.#current === 'completed') {
      this.#slots.clear('H');
      this.#transition('confirmed');
      this.#slots.start('I', TIMER_I, () => this.#terminate());
    }
    return 'absorbed';
  }

  /** A CANCEL matched this transaction (§9.2); returns whether it was still pending. */
  receiveCancel(cancel: SipRequest): boolean {
    if (this.#current !== 'proceeding') return false;
    this.safeEmit('cancel', cancel);
    return true;
  }

  transportLost(): void {
    if (this.#current === 'proceeding' || this.#current === 'completed') this.#fail('transport-error');
    else if (this.#current !== 'terminated') this.#terminate();
  }

  #sendLast(): void {
    if (this.#last && !this.#env.send(this.#last.toString())) this.#fail('transport-error');
  }

  #fail(reason: 'timeout' | 'transport-error'): void {
    this.#terminate();
    this.safeEmit('failure', reason);
  }

  #terminate(): void {
    this.#slots.clearAll();
    this.#transition('terminated');
    this.#onTerminated();
  }

  #transition(to: InviteServerState): void {
    checkTransition(TRANSITIONS, 'INVITE server transaction', this.#current, to);
    this.#current = to;
  }
}
