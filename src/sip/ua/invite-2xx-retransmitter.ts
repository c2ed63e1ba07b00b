/*
 * The UAS core's 2xx retransmission for an INVITE (RFC 3261 §13.3.1.4): the
 * INVITE server transaction leaves the 2xx to the UA core, which re-sends it
 * — on every transport, reliable ones included — until the ACK arrives.
 *
 *   start(): 2xx sent
 *        |
 *        v
 *   retransmitting --- ACK: ackReceived() ------> acknowledged
 *     | every T1, 2·T1, 4·T1 … capped at T2: 2xx re-sent
 *     |--- 64·T1 without ACK: onTimeout() -----> timed-out   (the session sends BYE)
 *     +--- stop() (session over, transport gone) -> stopped
 */
import type { Timers } from '../ports';
import { checkTransition, type StateTable } from '../transaction/state-table';
import { TimerSlots } from '../transaction/timer-slots';
import { T1, T2 } from '../transaction/timers';

export type Invite2xxRetransmitterState = 'idle' | 'retransmitting' | 'acknowledged' | 'timed-out' | 'stopped';

const TRANSITIONS: StateTable<Invite2xxRetransmitterState> = {
  idle: ['retransmitting', 'stopped'],
  retransmitting: ['acknowledged', 'timed-out', 'stopped'],
  acknowledged: [],
  'timed-out': [],
  stopped: [],
};

/** §13.3.1.4: the dialog's session ends when no ACK came within 64·T1. */
export const ACK_WAIT = 64 * T1;

export interface Invite2xxRetransmitterOptions {
  timers: Timers;
  /** Sends the 2xx again; false when the transport is down (retransmission stops then). */
  send(): boolean;
  /** No ACK within 64·T1: the session should be ended with a BYE. */
  onTimeout(): void;
}

export class Invite2xxRetransmitter {
  #current: Invite2xxRetransmitterState = 'idle';
  #interval = T1;
  readonly #slots: TimerSlots<'retransmit' | 'give-up'>;
  readonly #options: Invite2xxRetransmitterOptions;

  constructor(options: Invite2xxRetransmitterOptions) {
    this.#options = options;
    this.#slots = new TimerSlots(options.timers);
  }

  get state(): Invite2xxRetransmitterState {
    return this.#current;
  }

  /** Call once the 2xx has been sent for the first time. */
  start(): void {
    this.#transition('retransmitting');
    this.#slots.start('give-up', ACK_WAIT, () => {
      this.#end('timed-out');
      this.#options.onTimeout();
    });
    this.#schedule();
  }

  ackReceived(): void {
    if (this.#current === 'retransmitting') this.#end('acknowledged');
  }

  stop(): void {
    if (this.#current === 'idle' || this.#current === 'retransmitting') this.#end('stopped');
  }

  #schedule(): void {
    this.#slots.start('retransmit', this.#interval, () => {
      this.#interval = Math.min(this.#interval * 2, T2);
      if (this.#options.send()) this.#schedule();
    });
  }

  #end(state: 'acknowledged' | 'timed-out' | 'stopped'): void {
    this.#slots.clearAll();
    this.#transition(state);
  }

  #transition(to: Invite2xxRetransmitterState): void {
    checkTransition(TRANSITIONS, '2xx retransmitter', this.#current, to);
    this.#current = to;
  }
}
